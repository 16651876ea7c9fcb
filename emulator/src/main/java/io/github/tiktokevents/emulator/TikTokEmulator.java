package io.github.tiktokevents.emulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A local TikTok Events API: serves {@code POST /open_api/{version}/event/track/}, {@code /pixel/track/} and
 * {@code /pixel/batch/} on a local port, checks every request as TikTok does (the {@code Access-Token} header, then
 * the body against {@code spec/tiktok-events-api.yaml}, event times in seconds, the allowed event sources), answers
 * with TikTok's envelope {@code {code, message, request_id, data}}, records what it received, and shows the
 * {@link Faults faults} you arm. Thread-safe; {@link #close()} stops every thread it started.
 *
 * <p>The fields the spec marks {@code x-tiktok-pii} must hold SHA-256 digests. The spec is the one packaged in this
 * jar unless {@link TikTokEmulatorBuilder#spec(Path)} names another copy.
 *
 * <pre>{@code
 * try (TikTokEmulator emulator = TikTokEmulator.builder().accessToken("test-token").build().start()) {
 *     // point the client under test at emulator.baseUrl() with the access token "test-token", send events, then:
 *     List<RecordedEvent> events = emulator.awaitEvents(2, Duration.ofSeconds(5));
 *     assertThat(events).extracting(RecordedEvent::eventName).containsExactly("ViewContent", "Purchase");
 *
 *     emulator.faults().next(Fault.rateLimited());   // the next request gets code 40100
 * }
 * }</pre>
 *
 * <p>In JUnit 5/6 tests, {@link TikTokEmulatorExtension} starts, resets and injects it for you. From the command
 * line, {@link TikTokEmulatorMain} runs it standalone.
 */
public final class TikTokEmulator implements AutoCloseable {
    /** The access token an emulator accepts when none is configured. */
    public static final String DEFAULT_ACCESS_TOKEN = "test-token";

    private static final String NO_DELAY_PROPERTY = "sun.net.httpserver.nodelay";

    private final TikTokEmulatorBuilder settings;
    private final Faults faults = new Faults();
    private final Recording recording = new Recording();
    private HttpServer server;
    private HandlerThreads executor;
    private boolean closed;

    TikTokEmulator(TikTokEmulatorBuilder settings) {
        this.settings = settings;
    }

    /**
     * Starts configuring an emulator.
     *
     * @return a builder with the defaults: access token {@value #DEFAULT_ACCESS_TOKEN}, loopback, a free port
     */
    public static TikTokEmulatorBuilder builder() {
        return new TikTokEmulatorBuilder();
    }

    /**
     * Starts serving. The first emulator in a JVM also loads the packaged spec, which takes about a second; an
     * emulator given a {@link TikTokEmulatorBuilder#spec(Path) spec file} loads that file each time it starts.
     *
     * @return this emulator, now running
     * @throws UncheckedIOException when the port cannot be bound or the spec file cannot be read
     * @throws IllegalArgumentException when the spec file is not an OpenAPI document with the request schemas
     * @throws IllegalStateException when it was started or closed before
     */
    public synchronized TikTokEmulator start() {
        if (server != null || closed) {
            throw new IllegalStateException("an emulator starts once; build a new one");
        }
        SpecValidator validator = settings.spec == null ? SpecValidator.shared() : SpecValidator.of(settings.spec);
        Judge judge = new Judge(settings.accessToken, settings.allowedEventSourceIds, settings.clock,
                settings.futureTolerance, validator);
        disableNagleUnlessConfigured();
        try {
            server = HttpServer.create(new InetSocketAddress(settings.host, settings.port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + settings.host + ":" + settings.port, e);
        }
        executor = new HandlerThreads(settings.handlerThreads, server.getAddress().getPort());
        server.setExecutor(executor);
        server.createContext("/", new RequestHandler(judge, faults, recording, settings.sleeper, settings.clock,
                settings.listener));
        server.start();
        return this;
    }

    /**
     * The base URL to give a client, without a trailing slash, such as {@code http://127.0.0.1:52114}.
     *
     * @return the base URL
     * @throws IllegalStateException when the emulator is not running
     */
    public String baseUrl() {
        return "http://" + hostForUrl() + ":" + port();
    }

    /**
     * The full URL of an endpoint at the current API version, such as
     * {@code http://127.0.0.1:52114/open_api/v1.3/event/track/}.
     *
     * @param endpoint the endpoint
     * @return its URL
     */
    public String url(Endpoint endpoint) {
        return baseUrl() + endpoint.path();
    }

    /**
     * The port the emulator listens on.
     *
     * @return the port
     * @throws IllegalStateException when the emulator is not running
     */
    public synchronized int port() {
        if (server == null || closed) {
            throw new IllegalStateException("the emulator is not running: call start()");
        }
        return server.getAddress().getPort();
    }

    /**
     * The access token the emulator accepts in the {@code Access-Token} header.
     *
     * @return the token
     */
    public String accessToken() {
        return settings.accessToken;
    }

    /**
     * The fault plan; change it at any time.
     *
     * @return the live fault plan of this emulator
     */
    public Faults faults() {
        return faults;
    }

    /**
     * Every request received since the start or the last {@link #clear()}, in arrival order, accepted or not.
     *
     * @return a snapshot
     */
    public List<RecordedRequest> requests() {
        return recording.requests();
    }

    /**
     * The number of requests received since the start or the last {@link #clear()}.
     *
     * @return the count
     */
    public int requestCount() {
        return recording.requests().size();
    }

    /**
     * The events of accepted requests (code 0, no fault), in arrival order. Events of rejected or faulted requests
     * are in {@link RecordedRequest#events()} of {@link #requests()}.
     *
     * @return a snapshot
     */
    public List<RecordedEvent> events() {
        return recording.acceptedEvents();
    }

    /**
     * The accepted events sent to one endpoint.
     *
     * @param endpoint the endpoint
     * @return a snapshot, in arrival order
     */
    public List<RecordedEvent> events(Endpoint endpoint) {
        return events().stream().filter(event -> event.endpoint() == endpoint).toList();
    }

    /**
     * The accepted events with an {@code event_id}: more than one when the client sent it again (TikTok would
     * deduplicate them; the emulator keeps all so tests can see retries).
     *
     * @param eventId the {@code event_id}
     * @return a snapshot, in arrival order
     */
    public List<RecordedEvent> eventsWithId(String eventId) {
        return events().stream().filter(event -> eventId.equals(event.eventId())).toList();
    }

    /**
     * Waits until at least {@code n} requests have been received in all.
     *
     * @param n the number of requests to wait for
     * @param timeout how long to wait at most
     * @return all requests received, at least {@code n}
     * @throws AssertionError when fewer arrive in time
     */
    public List<RecordedRequest> awaitRequests(int n, Duration timeout) {
        return await(() -> recording.await(n, timeout, "requests", requests -> requests));
    }

    /**
     * Waits until at least {@code n} events have been accepted in all.
     *
     * @param n the number of accepted events to wait for
     * @param timeout how long to wait at most
     * @return all accepted events, at least {@code n}
     * @throws AssertionError when fewer are accepted in time
     */
    public List<RecordedEvent> awaitEvents(int n, Duration timeout) {
        return await(() -> recording.await(n, timeout, "accepted events", Recording::acceptedEventsOf));
    }

    /** Forgets every recorded request; the fault plan stays. */
    public void clear() {
        recording.clear();
    }

    /** Forgets every recorded request and clears the fault plan: as good as new, on the same port. */
    public void reset() {
        recording.clear();
        faults.clear();
    }

    /**
     * Whether the emulator has started and is not closed.
     *
     * @return true while serving
     */
    public synchronized boolean isRunning() {
        return server != null && !closed;
    }

    /**
     * Stops serving: closes the port and every connection, interrupts requests still being handled (such as
     * delayed ones) and waits for the handler threads to end. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (server == null) {
            return;
        }
        server.stop(0);
        try {
            if (!executor.stop(Duration.ofSeconds(10))) {
                throw new IllegalStateException("emulator handler threads did not stop within 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "TikTokEmulator[" + (isRunning() ? baseUrl() : closed ? "closed" : "not started") + "]";
    }

    /**
     * The JDK server writes the headers and the body of a response separately; with Nagle's algorithm on, the body
     * then waits for the client's delayed ACK, about 40 ms per request on a kept-alive connection. The server reads
     * this property once per JVM, so it is set only if nobody chose a value.
     */
    private static void disableNagleUnlessConfigured() {
        if (System.getProperty(NO_DELAY_PROPERTY) == null) {
            System.setProperty(NO_DELAY_PROPERTY, "true");
        }
    }

    private String hostForUrl() {
        String host = settings.host;
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private interface Wait<T> {
        T run() throws InterruptedException;
    }

    private static <T> T await(Wait<T> wait) {
        try {
            return wait.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the emulator", e);
        }
    }
}
