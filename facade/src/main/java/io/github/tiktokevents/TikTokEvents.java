package io.github.tiktokevents;

import io.github.tiktokevents.client.ApiClient;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.client.auth.ApiKeyAuth;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.delivery.DeliveryScheduler;
import io.github.tiktokevents.internal.delivery.DeliveryThreadScheduler;
import io.github.tiktokevents.internal.delivery.OpenProcessors;
import io.github.tiktokevents.internal.delivery.ProcessorFactory;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.internal.delivery.Retrier;
import io.github.tiktokevents.internal.http.CallDeadlines;
import io.github.tiktokevents.internal.http.ClientSettings;
import io.github.tiktokevents.internal.http.HttpClientFactory;
import io.github.tiktokevents.internal.http.SdkVersion;
import io.github.tiktokevents.internal.wire.ApiErrorMapper;
import io.github.tiktokevents.internal.wire.ChunkSender;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.OkHttpClient;

/**
 * The TikTok Events API client: sends {@link Event}s to Events API 2.0 (or 1.0), one at a time or in batches of any
 * size. Build one per access token and share it: it is immutable, thread-safe and holds one HTTP client.
 * Close it when done, which releases the threads and connections it created (not those of a client you supplied).
 *
 * <pre>{@code
 * try (TikTokEvents tiktok = TikTokEvents.fromEnv()) {     // TIKTOK_ACCESS_TOKEN, TIKTOK_PIXEL_ID
 *     Event event = Event.builder(EventNames.VIEW_CONTENT)
 *             .user(User.builder().email("test@test.com").ip("13.57.97.131").build())
 *             .page(Page.of("https://www.example.com"))
 *             .build();
 *     SendResult result = tiktok.send(event);
 * } catch (RateLimitException e) {
 *     // retry later; e.retryAfter() may say when
 * } catch (TikTokApiException e) {
 *     log.warn("TikTok refused: code={} request_id={}", e.code(), e.requestId());
 * }
 * }</pre>
 *
 * <p>Three ways to send, all with retries by the builder's {@link TikTokEventsBuilder#retryPolicy(RetryPolicy)}:
 * {@link #send(Event)} and {@link #sendBatch(List)} block until TikTok answered; {@link #sendAsync(Event)} and
 * {@link #sendBatchAsync(List)} return a future at once without holding a thread per call; and
 * {@link #processor(ProcessorOptions)} makes a background {@link EventProcessor} whose {@code enqueue} only queues.
 * Every event carries an {@code event_id} from {@link Event.Builder#build()}, so TikTok deduplicates a resend.
 *
 * <p>Failures are unchecked {@link TikTokException}s: {@link TikTokConfigurationException},
 * {@link TikTokValidationException}, {@link TikTokTransportException} and {@link TikTokApiException} with its
 * subclasses. No message, log line or {@code toString()} contains the access token or raw personal data.
 */
public final class TikTokEvents implements AutoCloseable {
    /** TikTok's limit of events per Events API 2.0 request; over it TikTok rejects the whole request. */
    public static final int MAX_EVENTS_PER_REQUEST = 1000;
    /** The default events per Events API 1.0 {@code /pixel/batch/} request (TikTok documents no limit). */
    public static final int DEFAULT_PIXEL_BATCH_SIZE = 50;
    /** The default API version. */
    public static final String DEFAULT_API_VERSION = "v1.3";
    /** The default base URL. */
    public static final String DEFAULT_BASE_URL = "https://business-api.tiktok.com";
    /** The longest wait for a released thread pool's threads to end; they have nothing left to do by then. */
    private static final Duration RELEASE_WAIT = Duration.ofSeconds(5);

    private final ClientSettings settings;
    private final OkHttpClient httpClient;
    private final boolean ownsHttpClient;
    private final EventApi eventApi;
    private final ChunkSender chunkSender;
    private final BatchSender batchSender;
    private final DeliveryScheduler retryScheduler;
    private final Retrier retrier;
    private final OpenProcessors processors = new OpenProcessors();
    private final AtomicBoolean closed = new AtomicBoolean();

    TikTokEvents(ClientSettings settings, Clock clock, OkHttpClient httpClient, boolean ownsHttpClient,
                 RetryPolicy retryPolicy, DeliveryScheduler retryScheduler) {
        this.settings = settings;
        this.httpClient = httpClient;
        this.ownsHttpClient = ownsHttpClient;
        ApiClient apiClient = new ApiClient(httpClient);
        apiClient.setBasePath(settings.baseUrl());
        apiClient.setUserAgent(SdkVersion.USER_AGENT);
        ((ApiKeyAuth) apiClient.getAuthentication("AccessToken")).setApiKey(settings.accessToken());
        this.eventApi = new EventApi(apiClient);
        // Timers only: the thread starts on the first request, and no thread sleeps between attempts.
        this.retryScheduler = retryScheduler != null ? retryScheduler : new DeliveryThreadScheduler("tiktok-events-retry");
        // The SDK's own requests keep the call timeout with CallDeadlines rather than OkHttp (see there); the derived
        // client shares the dispatcher and connections, and EventApi keeps OkHttp's call timeout.
        OkHttpClient sendClient = httpClient.newBuilder().callTimeout(Duration.ZERO).build();
        this.chunkSender = new ChunkSender(apiClient, sendClient,
                new CallDeadlines(Duration.ofMillis(httpClient.callTimeoutMillis()), this.retryScheduler), settings,
                new ApiErrorMapper(clock, settings.accessToken()));
        this.retrier = new Retrier(retryPolicy, this.retryScheduler);
        this.batchSender = new BatchSender(this::sendWithRetries, this::sendBlockingWithRetries, settings);
    }

    /**
     * A client configured from the environment: {@code TIKTOK_ACCESS_TOKEN} (the misspelt
     * {@code TIKTOK_ACESS_TOKEN} is read too, with a warning), the event source ids {@code TIKTOK_PIXEL_ID},
     * {@code TIKTOK_APP_ID}, {@code TIKTOK_OFFLINE_EVENT_SET_ID} and {@code TIKTOK_CRM_EVENT_SET_ID} (at least one),
     * and optionally {@code TIKTOK_API_VERSION} (default {@code v1.3}), {@code TIKTOK_TEST_EVENT_CODE} and
     * {@code TIKTOK_BASE_URL}. See {@link TikTokEventsBuilder#fromEnv()}.
     *
     * @return the client
     * @throws TikTokConfigurationException naming every missing variable and where to find its value
     */
    public static TikTokEvents fromEnv() {
        return builder().fromEnv().build();
    }

    /**
     * Starts a client configuration; see {@link TikTokEventsBuilder} for every setting and its default.
     *
     * @return a builder
     */
    public static TikTokEventsBuilder builder() {
        return new TikTokEventsBuilder();
    }

    /**
     * Sends one event and waits for TikTok's answer, retrying retryable failures by the client's
     * {@link TikTokEventsBuilder#retryPolicy(RetryPolicy) retry policy} (waits are timers, honouring
     * {@code Retry-After}).
     *
     * @param event the event
     * @return TikTok's answer: code 0, or 20001 for a partial success
     * @throws TikTokConfigurationException if no id is configured for the event's source, or the client is closed
     * @throws TikTokTransportException if no answer came (network failure, timeout) after the last attempt
     * @throws TikTokApiException (or a subclass) if TikTok refused the event, or retries ran out
     * @throws TikTokException if the thread was interrupted while waiting: the request is cancelled and the
     *                         thread's interrupt flag stays set; or if the client was closed meanwhile
     */
    public SendResult send(Event event) {
        Objects.requireNonNull(event, "event");
        List<Event> one = List.of(event);
        batchSender.checkChunk(event.source(), one);
        checkOpen();
        return sendBlockingWithRetries(event.source(), one);
    }

    /**
     * Sends one event without blocking a thread while waiting (OkHttp's asynchronous queue; retry waits are
     * timers), with the same retries as {@link #send(Event)}.
     *
     * @param event the event
     * @return a future completed with what {@link #send(Event)} returns, or exceptionally with what it throws
     *         (configuration errors included); cancelling it cancels the request and any further retry
     */
    public CompletableFuture<SendResult> sendAsync(Event event) {
        Objects.requireNonNull(event, "event");
        List<Event> one = List.of(event);
        try {
            batchSender.checkChunk(event.source(), one);
            checkOpen();
        } catch (TikTokException e) {
            return CompletableFuture.failedFuture(e);
        }
        return sendWithRetries(event.source(), one);
    }

    /**
     * Sends any number of events: grouped by source, split into requests of at most
     * {@link #MAX_EVENTS_PER_REQUEST} (2.0) or the configured pixel batch size (1.0), sent one after another.
     * A failing request does not stop the others; the result says which events succeeded and which failed why.
     * Each request is retried by the client's retry policy. If the thread is interrupted, the request in progress
     * is cancelled, the requests not yet sent are not sent (each reported failed), and the interrupt flag stays set.
     * A request TikTok refuses as a whole because of a bad event (40002, or HTTP 413) is split in halves and each
     * half resent, recursively, as the {@link EventProcessor} does: the bad event fails alone, the others are
     * delivered, and {@link BatchResult#chunks()} lists the requests that decided each event (about
     * {@code 2 log2(n)} extra requests per bad event in a request of {@code n}).
     *
     * @param events the events, possibly of several sources
     * @return the outcome of every request
     * @throws TikTokConfigurationException before sending anything, if a source of the batch has no id configured
     *                                      or the client is closed
     * @throws TikTokValidationException before sending anything, if an element is null
     */
    public BatchResult sendBatch(List<Event> events) {
        Objects.requireNonNull(events, "events");
        checkOpen();
        return batchSender.send(events);
    }

    /**
     * Sends a batch as {@link #sendBatch(List)} does, with all requests in flight at once on OkHttp's queue
     * (which bounds the connections per host), each retried by the client's retry policy and split the same way
     * when TikTok refuses it for a bad event.
     *
     * @param events the events, possibly of several sources
     * @return a future completed with the outcome of every request, or exceptionally with a configuration error
     *         found before anything was sent
     */
    public CompletableFuture<BatchResult> sendBatchAsync(List<Event> events) {
        Objects.requireNonNull(events, "events");
        if (closed.get()) {
            return CompletableFuture.failedFuture(closedException());
        }
        return batchSender.sendAsync(events);
    }

    /**
     * Makes a background processor with the given options: see {@link EventProcessor}. Each call makes a new,
     * independent processor; {@link #close()} closes every processor made here (each within its
     * {@link ProcessorOptions#closeTimeout()}) before releasing the HTTP client. With Events API 1.0 the batch
     * size is capped at {@link TikTokEventsBuilder#pixelBatchSize(int)}. If {@link ProcessorOptions#requestTimeout()}
     * is not longer than the HTTP client's call timeout, the processor uses the call timeout plus 5 s instead, so
     * the HTTP client's own timeout fires first and cancels the call.
     *
     * <pre>{@code
     * EventProcessor processor = tiktok.processor(ProcessorOptions.builder()
     *         .maxDelay(Duration.ofMillis(500))
     *         .listener((eventId, error) -> log.warn("event {} not delivered: {}", eventId, error.getMessage()))
     *         .build());
     * processor.enqueue(event);
     * }</pre>
     *
     * @param options how to batch, queue, retry and shut down
     * @return a running processor
     * @throws TikTokConfigurationException if this client is closed
     */
    public EventProcessor processor(ProcessorOptions options) {
        Objects.requireNonNull(options, "options");
        checkOpen();
        return processors.add(() -> ProcessorFactory.create(options, settings,
                Duration.ofMillis(httpClient.callTimeoutMillis()), this::sendChunkAsync, null, null, processors::remove),
                TikTokEvents::closedException);
    }

    /**
     * Makes a durable background processor: like {@link #processor(ProcessorOptions)}, but {@code enqueue} returns
     * only once the event is stored in the outbox, and an event leaves the outbox only when TikTok accepted it or
     * refused it for good (then it is kept, with TikTok's answer, until you take it: {@link Outbox#refusals(int)}).
     * A crash loses nothing: the next processor on the same outbox sends whatever was stored and unfinished, from
     * the event's stored bytes (TikTok deduplicates a resent {@code event_id}). The processor owns the outbox and
     * closes it when it closes; {@code close()} leaves what is not delivered by then in the outbox, for the next
     * start, instead of reporting it failed. With an outbox, the listener hears {@code failed} only for events TikTok
     * refused for good; an event whose retries ran out (TikTok unreachable) stays stored and is tried again after a
     * pause. The outbox's own size bound replaces the options' queue capacities; {@code queueFullPolicy} and
     * {@code enqueueTimeout} apply to it.
     *
     * <pre>{@code
     * Outbox outbox = LocalOutbox.builder(Path.of("/var/lib/shop/tiktok-outbox")).build();
     * EventProcessor processor = tiktok.processor(ProcessorOptions.defaults(), outbox);
     * processor.enqueue(event); // returns once the event is stored
     * }</pre>
     *
     * @param options how to batch, retry and shut down
     * @param outbox where to keep the events (the {@code tiktok-events-outbox} module has a local one and a JDBC one)
     * @return a running processor, already sending what the outbox holds from an earlier run
     * @throws TikTokConfigurationException if this client is closed
     */
    public EventProcessor processor(ProcessorOptions options, Outbox outbox) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(outbox, "outbox");
        checkOpen();
        return processors.add(() -> ProcessorFactory.create(options, settings,
                Duration.ofMillis(httpClient.callTimeoutMillis()), this::sendChunkAsync, outbox,
                this::sendStoredChunkAsync, processors::remove), TikTokEvents::closedException);
    }

    /**
     * Makes a background processor with {@link ProcessorOptions#defaults()}: see {@link #processor(ProcessorOptions)}.
     *
     * @return a running processor
     * @throws TikTokConfigurationException if this client is closed
     */
    public EventProcessor processor() {
        return processor(ProcessorOptions.defaults());
    }

    /**
     * The seam for delivery: sends ONE chunk (already-built events of one source, 1 to
     * {@link #maxEventsPerRequest()} of them) as one request, once, asynchronously. Never throws: the future
     * completes with TikTok's answer or exceptionally with a typed {@link TikTokException}
     * ({@link TikTokException#isRetryable()} tells whether sending the same chunk again may help; events keep their
     * {@code event_id}, so TikTok deduplicates a resend). It does not refuse work while {@link #close()} drains the
     * processors: close releases the HTTP client only after them.
     */
    CompletableFuture<SendResult> sendChunkAsync(EventSource source, List<Event> chunk) {
        try {
            batchSender.checkChunk(source, chunk);
        } catch (TikTokException e) {
            return CompletableFuture.failedFuture(e);
        }
        return chunkSender.sendAsync(source, List.copyOf(chunk));
    }

    /** One chunk of stored events, once: a durable processor's transport; never throws. */
    CompletableFuture<SendResult> sendStoredChunkAsync(EventSource source, List<OutboxEvent> chunk) {
        return chunkSender.sendStoredAsync(source, List.copyOf(chunk));
    }

    /** One chunk through the retrier: the direct path's transport. */
    private CompletableFuture<SendResult> sendWithRetries(EventSource source, List<Event> chunk) {
        List<Event> events = List.copyOf(chunk);
        return retrier.call(() -> chunkSender.sendAsync(source, events), retried -> settings.metrics().retried(source, retried));
    }

    /** One chunk through the retrier on the calling thread: the blocking direct path's transport. */
    private SendResult sendBlockingWithRetries(EventSource source, List<Event> chunk) {
        List<Event> events = List.copyOf(chunk);
        return retrier.callBlocking(abandoned -> chunkSender.send(source, events, abandoned),
                retried -> settings.metrics().retried(source, retried));
    }

    /** The most events one request may carry with this client's edition. */
    int maxEventsPerRequest() {
        return settings.maxEventsPerRequest();
    }

    /**
     * The generated low-level client, with this client's base URL, access token, User-Agent and HTTP client: the
     * way to reach what the facade does not cover. Changing its {@code ApiClient} changes it for this client only;
     * note that {@code ApiClient.setDebugging(true)} logs bodies and headers without redaction.
     *
     * @return the generated {@code EventApi}
     */
    public EventApi eventApi() {
        return eventApi;
    }

    /**
     * Shuts the client down, in this order: direct sends are refused from now on; every {@link EventProcessor}
     * made by {@link #processor(ProcessorOptions)} and still open is closed (it delivers what it holds within its
     * {@link ProcessorOptions#closeTimeout()} and reports the rest); direct requests still running or waiting for
     * a retry are cancelled and their futures fail with a {@link TikTokException}; then the retry thread, and the
     * HTTP threads and idle connections this client created, are released (a caller-supplied OkHttpClient is left
     * alone). Returns when those threads have ended. Idempotent. An interrupted caller keeps its interrupt flag.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        processors.closeAll();
        retrier.close();
        retryScheduler.shutdown();
        boolean interrupted = Thread.interrupted();
        try {
            retryScheduler.awaitTermination(RELEASE_WAIT);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (ownsHttpClient) {
            interrupted |= !HttpClientFactory.release(httpClient, RELEASE_WAIT);
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The HTTP client in use, for tests that check its threads are released. */
    OkHttpClient httpClient() {
        return httpClient;
    }

    private void checkOpen() {
        if (closed.get()) {
            throw closedException();
        }
    }

    private static TikTokConfigurationException closedException() {
        return new TikTokConfigurationException("This TikTokEvents client is closed");
    }

    /** Shows the settings without the access token. */
    @Override
    public String toString() {
        return "TikTokEvents{" + settings + ", closed=" + closed.get() + '}';
    }
}
