package io.github.tiktokevents.emulator;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collection;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Configures a {@link TikTokEmulator}; get one from {@link TikTokEmulator#builder()}. Not thread-safe; the emulator
 * it builds is.
 *
 * <pre>{@code
 * TikTokEmulator emulator = TikTokEmulator.builder()
 *         .accessToken("test-token")
 *         .allowedEventSourceIds("CE3VQJJC77U1234ABCD0")
 *         .build()
 *         .start();
 * }</pre>
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setter</th><th>default</th></tr>
 *   <tr><td>{@link #accessToken}</td><td>{@value TikTokEmulator#DEFAULT_ACCESS_TOKEN}</td></tr>
 *   <tr><td>{@link #host}</td><td>{@code 127.0.0.1} (loopback only)</td></tr>
 *   <tr><td>{@link #port}</td><td>0: a free port, see {@link TikTokEmulator#port()}</td></tr>
 *   <tr><td>{@link #allowedEventSourceIds}</td><td>none: every event source is allowed</td></tr>
 *   <tr><td>{@link #futureTolerance}</td><td>the spec's {@code info.x-tiktok-rules.future-tolerance} (1 hour), as the SDK</td></tr>
 *   <tr><td>{@link #handlerThreads}</td><td>4</td></tr>
 *   <tr><td>{@link #clock}</td><td>the system clock (UTC)</td></tr>
 *   <tr><td>{@link #sleeper}</td><td>{@link Sleeper#SYSTEM}</td></tr>
 *   <tr><td>{@link #onRequest}</td><td>nothing</td></tr>
 *   <tr><td>{@link #spec}</td><td>the spec packaged in this jar</td></tr>
 * </table>
 */
public final class TikTokEmulatorBuilder {
    String accessToken = TikTokEmulator.DEFAULT_ACCESS_TOKEN;
    String host = "127.0.0.1";
    int port;
    Set<String> allowedEventSourceIds = Set.of();
    Duration futureTolerance = io.github.tiktokevents.internal.rules.SpecRules.FUTURE_TOLERANCE;
    int handlerThreads = 4;
    Clock clock = Clock.systemUTC();
    Sleeper sleeper = Sleeper.SYSTEM;
    Consumer<RecordedRequest> listener = request -> { };
    /** Null: the packaged spec, parsed once per JVM and shared. */
    Path spec;

    TikTokEmulatorBuilder() {
    }

    /**
     * The only access token the emulator accepts; others get code 40105, a missing one 40104.
     *
     * @param accessToken the token, not blank
     * @return this builder
     */
    public TikTokEmulatorBuilder accessToken(String accessToken) {
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalArgumentException("accessToken must not be blank");
        }
        this.accessToken = accessToken;
        return this;
    }

    /**
     * The address to listen on. Keep the loopback default in tests; {@code 0.0.0.0} exposes the emulator to the
     * network.
     *
     * @param host a host name or IP address
     * @return this builder
     */
    public TikTokEmulatorBuilder host(String host) {
        this.host = Objects.requireNonNull(host, "host");
        return this;
    }

    /**
     * The port to listen on; 0 picks a free one.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public TikTokEmulatorBuilder port(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 to 65535: " + port);
        }
        this.port = port;
        return this;
    }

    /**
     * Restricts the event sources the token may send to; others get code 40001 (no permission).
     *
     * @param ids the allowed {@code event_source_id}s (2.0) and {@code pixel_code}s (1.0); none allows all
     * @return this builder
     */
    public TikTokEmulatorBuilder allowedEventSourceIds(String... ids) {
        return allowedEventSourceIds(Arrays.asList(ids));
    }

    /**
     * Restricts the event sources the token may send to; others get code 40001 (no permission).
     *
     * @param ids the allowed {@code event_source_id}s (2.0) and {@code pixel_code}s (1.0); empty allows all
     * @return this builder
     */
    public TikTokEmulatorBuilder allowedEventSourceIds(Collection<String> ids) {
        this.allowedEventSourceIds = Set.copyOf(ids);
        return this;
    }

    /**
     * How far ahead of the emulator's clock an event time may be before it is rejected as in the future.
     *
     * @param futureTolerance not negative
     * @return this builder
     */
    public TikTokEmulatorBuilder futureTolerance(Duration futureTolerance) {
        if (futureTolerance.isNegative()) {
            throw new IllegalArgumentException("futureTolerance must not be negative: " + futureTolerance);
        }
        this.futureTolerance = futureTolerance;
        return this;
    }

    /**
     * The number of threads that handle requests at once; more requests wait for a free thread.
     *
     * @param handlerThreads 1 to 64
     * @return this builder
     */
    public TikTokEmulatorBuilder handlerThreads(int handlerThreads) {
        if (handlerThreads < 1 || handlerThreads > 64) {
            throw new IllegalArgumentException("handlerThreads must be 1 to 64: " + handlerThreads);
        }
        this.handlerThreads = handlerThreads;
        return this;
    }

    /**
     * The clock for arrival times, request ids and the future-event-time check.
     *
     * @param clock the clock
     * @return this builder
     */
    public TikTokEmulatorBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * How delays ({@link Fault#delay}) wait; inject a recording one to test delays without waiting.
     *
     * @param sleeper the sleeper
     * @return this builder
     */
    public TikTokEmulatorBuilder sleeper(Sleeper sleeper) {
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        return this;
    }

    /**
     * Called on a handler thread for each request, once it is recorded and before it is answered, such as to log
     * it. Keep it fast (the client waits for it); it must be thread-safe and should not throw.
     *
     * @param listener the listener
     * @return this builder
     */
    public TikTokEmulatorBuilder onRequest(Consumer<RecordedRequest> listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * The OpenAPI document to validate requests against, for testing a spec change before it is packaged: new
     * fields, enum values and {@code x-tiktok-pii} fields take effect without a rebuild. Default: the spec packaged
     * in this jar, which is parsed once per JVM and shared. The file given here is read and parsed by
     * {@link TikTokEmulator#start()}, for that emulator alone, so an edit shows in the next emulator started.
     *
     * @param spec a YAML or JSON copy of {@code spec/tiktok-events-api.yaml}
     * @return this builder
     */
    public TikTokEmulatorBuilder spec(Path spec) {
        this.spec = Objects.requireNonNull(spec, "spec");
        return this;
    }

    /**
     * Builds the emulator; call {@link TikTokEmulator#start()} to serve.
     *
     * @return a new emulator, not yet started
     */
    public TikTokEmulator build() {
        return new TikTokEmulator(copy());
    }

    private TikTokEmulatorBuilder copy() {
        TikTokEmulatorBuilder copy = new TikTokEmulatorBuilder();
        copy.accessToken = accessToken;
        copy.host = host;
        copy.port = port;
        copy.allowedEventSourceIds = allowedEventSourceIds;
        copy.futureTolerance = futureTolerance;
        copy.handlerThreads = handlerThreads;
        copy.clock = clock;
        copy.sleeper = sleeper;
        copy.listener = listener;
        copy.spec = spec;
        return copy;
    }
}
