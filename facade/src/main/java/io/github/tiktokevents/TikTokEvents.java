package io.github.tiktokevents;

import io.github.tiktokevents.client.ApiClient;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.client.auth.ApiKeyAuth;
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

    private final ClientSettings settings;
    private final EventDefaults eventDefaults;
    private final OkHttpClient httpClient;
    private final boolean ownsHttpClient;
    private final EventApi eventApi;
    private final ChunkSender chunkSender;
    private final BatchSender batchSender;
    private final AtomicBoolean closed = new AtomicBoolean();

    TikTokEvents(ClientSettings settings, EventDefaults eventDefaults, OkHttpClient httpClient, boolean ownsHttpClient) {
        this.settings = settings;
        this.eventDefaults = eventDefaults;
        this.httpClient = httpClient;
        this.ownsHttpClient = ownsHttpClient;
        ApiClient apiClient = new ApiClient(httpClient);
        apiClient.setBasePath(settings.baseUrl());
        apiClient.setUserAgent(SdkVersion.USER_AGENT);
        ((ApiKeyAuth) apiClient.getAuthentication("AccessToken")).setApiKey(settings.accessToken());
        this.eventApi = new EventApi(apiClient);
        this.chunkSender = new ChunkSender(apiClient, settings,
                new ApiErrorMapper(eventDefaults.clock(), settings.accessToken()));
        this.batchSender = new BatchSender(chunkSender, settings);
    }

    /**
     * A client configured from the environment: {@code TIKTOK_ACCESS_TOKEN} (or the misspelt
     * {@code TIKTOK_ACESS_TOKEN}), {@code TIKTOK_PIXEL_ID}, {@code TIKTOK_API_VERSION} (default {@code v1.3}) and
     * {@code TIKTOK_TEST_EVENT_CODE} (optional).
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
     * Sends one event and waits for TikTok's answer.
     *
     * @param event the event
     * @return TikTok's answer: code 0, or 20001 for a partial success
     * @throws TikTokConfigurationException if no id is configured for the event's source
     * @throws TikTokTransportException if no answer came (network failure, timeout)
     * @throws TikTokApiException (or a subclass) if TikTok refused the event
     */
    public SendResult send(Event event) {
        Objects.requireNonNull(event, "event");
        List<Event> one = List.of(event);
        batchSender.checkChunk(event.source(), one);
        checkOpen();
        return chunkSender.send(event.source(), one);
    }

    /**
     * Sends one event without blocking a thread while waiting (OkHttp's asynchronous queue).
     *
     * @param event the event
     * @return a future completed with what {@link #send(Event)} returns, or exceptionally with what it throws
     */
    public CompletableFuture<SendResult> sendAsync(Event event) {
        Objects.requireNonNull(event, "event");
        return sendChunkAsync(event.source(), List.of(event));
    }

    /**
     * Sends any number of events: grouped by source, split into requests of at most
     * {@link #MAX_EVENTS_PER_REQUEST} (2.0) or the configured pixel batch size (1.0), sent one after another.
     * A failing request does not stop the others; the result says which events succeeded and which failed why.
     *
     * @param events the events, possibly of several sources
     * @return the outcome of every request
     * @throws TikTokConfigurationException before sending anything, if a source of the batch has no id configured
     */
    public BatchResult sendBatch(List<Event> events) {
        Objects.requireNonNull(events, "events");
        checkOpen();
        return batchSender.send(events);
    }

    /**
     * Sends a batch as {@link #sendBatch(List)} does, with all requests in flight at once on OkHttp's queue.
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
     * The seam for delivery and retries: sends ONE chunk (already-built events of one source, 1 to
     * {@link #maxEventsPerRequest()} of them) as one request, asynchronously. Never throws: the future completes
     * with TikTok's answer or exceptionally with a typed {@link TikTokException} ({@link TikTokException#isRetryable()}
     * tells whether sending the same chunk again may help; events keep their {@code event_id}, so TikTok
     * deduplicates a resend). Background processors and retriers call this; users call the public methods.
     */
    CompletableFuture<SendResult> sendChunkAsync(EventSource source, List<Event> chunk) {
        try {
            batchSender.checkChunk(source, chunk);
            checkOpen();
        } catch (TikTokException e) {
            return CompletableFuture.failedFuture(e);
        }
        return chunkSender.sendAsync(source, List.copyOf(chunk));
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
     * The defaults this client was configured with, for building events and users that match it.
     *
     * @return the event defaults
     */
    public EventDefaults eventDefaults() {
        return eventDefaults;
    }

    /**
     * Starts an event with this client's {@link #eventDefaults()}.
     *
     * @param name a standard name from {@link EventNames} or a custom one
     * @return an event builder
     */
    public Event.Builder newEvent(String name) {
        return Event.builder(name, eventDefaults);
    }

    /**
     * Starts a user with this client's {@link #eventDefaults()} (its default phone country code).
     *
     * @return a user builder
     */
    public User.Builder newUser() {
        return User.builder(eventDefaults);
    }

    /**
     * Releases the HTTP threads and idle connections this client created; a caller-supplied OkHttpClient is left
     * alone. Requests already running finish; sending afterwards fails. Idempotent.
     */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsHttpClient) {
            HttpClientFactory.release(httpClient);
        }
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
