package io.github.tiktokevents;

import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.internal.delivery.DeliveryScheduler;
import io.github.tiktokevents.internal.http.ClientSettings;
import io.github.tiktokevents.internal.http.EnvironmentConfig;
import io.github.tiktokevents.internal.http.HttpClientFactory;
import io.github.tiktokevents.internal.metrics.GuardedMetrics;
import io.github.tiktokevents.metrics.TikTokMetrics;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Configures a {@link TikTokEvents}. Setters override earlier values, including those read by {@link #fromEnv()}.
 * Not thread-safe; the client it builds is.
 *
 * <table>
 *   <caption>Settings</caption>
 *   <tr><th>setter</th><th>environment variable</th><th>default</th></tr>
 *   <tr><td>{@link #accessToken(String)}</td><td>{@code TIKTOK_ACCESS_TOKEN} (the misspelt {@code TIKTOK_ACESS_TOKEN} is read too, with a warning)</td><td>required</td></tr>
 *   <tr><td>{@link #pixelCode(String)}</td><td>{@code TIKTOK_PIXEL_ID}</td><td>required for web events</td></tr>
 *   <tr><td>{@link #appId(String)}</td><td>{@code TIKTOK_APP_ID}</td><td>required for app events</td></tr>
 *   <tr><td>{@link #offlineEventSetId(String)}</td><td>{@code TIKTOK_OFFLINE_EVENT_SET_ID}</td><td>required for offline events</td></tr>
 *   <tr><td>{@link #crmEventSetId(String)}</td><td>{@code TIKTOK_CRM_EVENT_SET_ID}</td><td>required for CRM events</td></tr>
 *   <tr><td>{@link #apiVersion(String)}</td><td>{@code TIKTOK_API_VERSION}</td><td>{@code v1.3}</td></tr>
 *   <tr><td>{@link #testEventCode(String)}</td><td>{@code TIKTOK_TEST_EVENT_CODE}</td><td>none</td></tr>
 *   <tr><td>{@link #partnerName(String)}</td><td>-</td><td>none</td></tr>
 *   <tr><td>{@link #apiEdition(ApiEdition)}</td><td>-</td><td>{@link ApiEdition#EVENTS_V2}</td></tr>
 *   <tr><td>{@link #pixelBatchSize(int)}</td><td>-</td><td>50 (1.0 only)</td></tr>
 *   <tr><td>{@link #baseUrl(String)}</td><td>{@code TIKTOK_BASE_URL}</td><td>{@code https://business-api.tiktok.com}</td></tr>
 *   <tr><td>{@link #connectTimeout(Duration)} / {@link #readTimeout(Duration)} / {@link #writeTimeout(Duration)} / {@link #callTimeout(Duration)}</td><td>-</td><td>10 s / 30 s / 30 s / 60 s</td></tr>
 *   <tr><td>{@link #retryPolicy(RetryPolicy)}</td><td>-</td><td>{@link RetryPolicy#defaults()}: 5 attempts, 500 ms doubling to 30 s with jitter, 2 min in all</td></tr>
 *   <tr><td>{@link #httpClient(OkHttpClient)}</td><td>-</td><td>one made by the client</td></tr>
 *   <tr><td>{@link #httpLogLevel(HttpLogLevel)}, {@link #httpLogger(Consumer)}</td><td>-</td><td>{@code NONE}; System.Logger {@code io.github.tiktokevents.http}</td></tr>
 *   <tr><td>{@link #metrics(TikTokMetrics)}</td><td>-</td><td>{@link TikTokMetrics#NONE}</td></tr>
 * </table>
 *
 * <p>There is no setting for a default phone country or time zone: events are normalised and hashed when they are
 * built, before any client sees them, so such defaults go to the builders ({@link EventDefaults}).
 *
 * <pre>{@code
 * TikTokEvents tiktok = TikTokEvents.builder()
 *         .accessToken(secrets.get("tiktok"))
 *         .pixelCode("CE3VQJJC77U1234ABCD0")
 *         .crmEventSetId("7300000000000000001")
 *         .readTimeout(Duration.ofSeconds(10))
 *         .build();
 * }</pre>
 */
public final class TikTokEventsBuilder {
    private static final System.Logger HTTP_LOG = System.getLogger("io.github.tiktokevents.http");
    private static final System.Logger CONFIG_LOG = System.getLogger("io.github.tiktokevents.config");

    private String accessToken;
    private final Map<EventSource, String> sourceIds = new LinkedHashMap<>();
    private String testEventCode;
    private String partnerName;
    private String apiVersion = TikTokEvents.DEFAULT_API_VERSION;
    private String baseUrl = TikTokEvents.DEFAULT_BASE_URL;
    private ApiEdition edition = ApiEdition.EVENTS_V2;
    private int pixelBatchSize = TikTokEvents.DEFAULT_PIXEL_BATCH_SIZE;
    /** OkHttp counts timeouts in whole milliseconds in an int. */
    private static final Duration MIN_TIMEOUT = Duration.ofMillis(1);
    private static final Duration MAX_TIMEOUT = Duration.ofMillis(Integer.MAX_VALUE);
    private Duration connectTimeout = HttpClientFactory.DEFAULT_CONNECT_TIMEOUT;
    private Duration readTimeout = HttpClientFactory.DEFAULT_READ_TIMEOUT;
    private Duration writeTimeout = HttpClientFactory.DEFAULT_WRITE_TIMEOUT;
    private Duration callTimeout = HttpClientFactory.DEFAULT_CALL_TIMEOUT;
    private OkHttpClient httpClient;
    private HttpLogLevel httpLogLevel = HttpLogLevel.NONE;
    private Consumer<String> httpLogger = line -> HTTP_LOG.log(System.Logger.Level.INFO, line);
    private TikTokMetrics metrics = TikTokMetrics.NONE;
    private Clock clock = Clock.systemUTC();
    private RetryPolicy retryPolicy = RetryPolicy.defaults();
    private DeliveryScheduler retryScheduler;
    private Consumer<String> configWarnings = line -> CONFIG_LOG.log(System.Logger.Level.WARNING, line);

    TikTokEventsBuilder() {
    }

    /**
     * Reads the settings the environment holds (see the table above); variables that are not set leave the
     * current values alone. A misspelt {@code TIKTOK_ACESS_TOKEN} is logged once per reading, at WARNING on the
     * System.Logger {@code io.github.tiktokevents.config}, naming the variable and never its value.
     *
     * @return this builder
     */
    public TikTokEventsBuilder fromEnv() {
        return fromEnv(System::getenv);
    }

    /**
     * Reads the settings from a lookup instead of the process environment (for tests and secret stores).
     *
     * @param lookup gives the value of a variable name, or null
     * @return this builder
     */
    public TikTokEventsBuilder fromEnv(Function<String, String> lookup) {
        EnvironmentConfig env = EnvironmentConfig.read(Objects.requireNonNull(lookup, "lookup"));
        if (env.accessToken != null) {
            accessToken = env.accessToken;
        }
        sourceIdFromEnv(EventSource.WEB, env.pixelId);
        sourceIdFromEnv(EventSource.APP, env.appId);
        sourceIdFromEnv(EventSource.OFFLINE, env.offlineEventSetId);
        sourceIdFromEnv(EventSource.CRM, env.crmEventSetId);
        if (env.baseUrl != null) {
            baseUrl(env.baseUrl);
        }
        if (env.apiVersion != null) {
            apiVersion(env.apiVersion);
        }
        if (env.testEventCode != null) {
            testEventCode = env.testEventCode;
        }
        env.warnings.forEach(configWarnings);
        return this;
    }

    private void sourceIdFromEnv(EventSource source, String id) {
        if (id != null) {
            sourceIds.put(source, id);
        }
    }

    /**
     * Sets the Events API access token (Events Manager &gt; Settings &gt; Generate Access Token).
     *
     * @param token the Events API access token (Events Manager &gt; Settings &gt; Generate Access Token)
     * @return this builder
     */
    public TikTokEventsBuilder accessToken(String token) {
        this.accessToken = blankToNull(token);
        return this;
    }

    /**
     * Sets the pixel code: the {@code event_source_id} of web events.
     *
     * @param code the pixel code: the {@code event_source_id} of web events
     * @return this builder
     */
    public TikTokEventsBuilder pixelCode(String code) {
        return sourceId(EventSource.WEB, code);
    }

    /**
     * Sets the TikTok App ID: the {@code event_source_id} of app events.
     *
     * @param id the TikTok App ID: the {@code event_source_id} of app events
     * @return this builder
     */
    public TikTokEventsBuilder appId(String id) {
        return sourceId(EventSource.APP, id);
    }

    /**
     * Sets the offline event set id: the {@code event_source_id} of offline events.
     *
     * @param id the offline event set id: the {@code event_source_id} of offline events
     * @return this builder
     */
    public TikTokEventsBuilder offlineEventSetId(String id) {
        return sourceId(EventSource.OFFLINE, id);
    }

    /**
     * Sets the CRM event set id: the {@code event_source_id} of CRM events.
     *
     * @param id the CRM event set id: the {@code event_source_id} of CRM events
     * @return this builder
     */
    public TikTokEventsBuilder crmEventSetId(String id) {
        return sourceId(EventSource.CRM, id);
    }

    /**
     * Sets the {@code event_source_id} of one source's events. {@link #pixelCode}, {@link #appId},
     * {@link #offlineEventSetId} and {@link #crmEventSetId} are shortcuts for the sources the spec lists; this one
     * also takes a source this version does not list yet:
     *
     * <pre>{@code
     * TikTokEvents.builder().fromEnv().sourceId(EventSource.of("mini_app"), "MINIAPP0001").build();
     * }</pre>
     *
     * @param source the source
     * @param id its {@code event_source_id}; null or blank removes it
     * @return this builder
     */
    public TikTokEventsBuilder sourceId(EventSource source, String id) {
        java.util.Objects.requireNonNull(source, "source");
        String value = blankToNull(id);
        if (value == null) {
            sourceIds.remove(source);
        } else {
            sourceIds.put(source, value);
        }
        return this;
    }

    /**
     * Sets marks every event sent as a test event (Events Manager &gt; Test Events); null for none.
     *
     * @param code marks every event sent as a test event (Events Manager &gt; Test Events); null for none
     * @return this builder
     */
    public TikTokEventsBuilder testEventCode(String code) {
        this.testEventCode = blankToNull(code);
        return this;
    }

    /**
     * Sets the integration partner name sent as {@code partner_name}; null for none.
     *
     * @param name the integration partner name sent as {@code partner_name}; null for none
     * @return this builder
     */
    public TikTokEventsBuilder partnerName(String name) {
        this.partnerName = blankToNull(name);
        return this;
    }

    /**
     * @param version the Business API version, such as {@code v1.3}
     * @return this builder
     * @throws TikTokConfigurationException if it is not {@code v} digits {@code .} digits
     */
    public TikTokEventsBuilder apiVersion(String version) {
        String value = version == null ? "" : version.trim();
        int dot = value.indexOf('.');
        boolean valid = value.length() >= 4 && value.charAt(0) == 'v' && dot > 1 && dot < value.length() - 1;
        for (int i = 1; valid && i < value.length(); i++) {
            valid = i == dot || Character.isDigit(value.charAt(i));
        }
        if (!valid) {
            throw new TikTokConfigurationException("apiVersion must look like v1.3 (TIKTOK_API_VERSION / apiVersion(...))");
        }
        this.apiVersion = value;
        return this;
    }

    /**
     * Sets the base URL, without {@code /open_api}; for tests or a proxy.
     *
     * @param url the base URL, without {@code /open_api}; for tests or a proxy
     * @return this builder
     * @throws TikTokConfigurationException if it is not an http or https URL
     */
    public TikTokEventsBuilder baseUrl(String url) {
        String value = Objects.requireNonNull(blankToNull(url), "baseUrl");
        if (okhttp3.HttpUrl.parse(value) == null) {
            throw new TikTokConfigurationException("baseUrl (" + EnvironmentConfig.BASE_URL + " / baseUrl(...)) must be an"
                    + " http or https URL such as " + TikTokEvents.DEFAULT_BASE_URL);
        }
        this.baseUrl = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return this;
    }

    /**
     * Sets which endpoints to use; Events API 2.0 by default.
     *
     * @param value which endpoints to use; Events API 2.0 by default
     * @return this builder
     */
    public TikTokEventsBuilder apiEdition(ApiEdition value) {
        this.edition = Objects.requireNonNull(value, "apiEdition");
        return this;
    }

    /**
     * @param size events per Events API 1.0 {@code /pixel/batch/} request, 1 to 1000; 50 by default
     * @return this builder
     * @throws TikTokConfigurationException if out of range
     */
    public TikTokEventsBuilder pixelBatchSize(int size) {
        if (size < 1 || size > TikTokEvents.MAX_EVENTS_PER_REQUEST) {
            throw new TikTokConfigurationException("pixelBatchSize must be 1 to " + TikTokEvents.MAX_EVENTS_PER_REQUEST);
        }
        this.pixelBatchSize = size;
        return this;
    }

    /**
     * Sets connection timeout, positive; 10 s by default.
     *
     * @param timeout connection timeout, from 1 ms to 24 days; 10 s by default
     * @return this builder
     * @throws TikTokConfigurationException if the timeout is not positive or outside that range
     */
    public TikTokEventsBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * Sets read timeout, positive; 30 s by default.
     *
     * @param timeout read timeout, from 1 ms to 24 days; 30 s by default
     * @return this builder
     * @throws TikTokConfigurationException if the timeout is not positive or outside that range
     */
    public TikTokEventsBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /**
     * Sets write timeout, positive; 30 s by default.
     *
     * @param timeout write timeout, from 1 ms to 24 days; 30 s by default
     * @return this builder
     * @throws TikTokConfigurationException if the timeout is not positive or outside that range
     */
    public TikTokEventsBuilder writeTimeout(Duration timeout) {
        this.writeTimeout = positive(timeout, "writeTimeout");
        return this;
    }

    /**
     * Sets whole-call timeout, positive; 60 s by default. A request still running then is cancelled and fails as a
     * timeout, at most a tenth of the timeout (and at most 1 s) late: the SDK keeps this timeout itself rather than
     * through OkHttp, whose per-call watchdog entry slowed every request (see {@code BENCHMARKS.md}). Calls made
     * through {@link TikTokEvents#eventApi()} keep OkHttp's own call timeout of the same length.
     *
     * @param timeout whole-call timeout, from 1 ms to 24 days; 60 s by default
     * @return this builder
     * @throws TikTokConfigurationException if the timeout is not positive or outside that range
     */
    public TikTokEventsBuilder callTimeout(Duration timeout) {
        this.callTimeout = positive(timeout, "callTimeout");
        return this;
    }

    /**
     * Uses your OkHttpClient (its timeouts, proxy, interceptors) instead of one made by the client; the timeouts
     * set here are then ignored, and {@link TikTokEvents#close()} leaves the client running.
     *
     * @param client the client, or null to let the SDK make one
     * @return this builder
     */
    public TikTokEventsBuilder httpClient(OkHttpClient client) {
        this.httpClient = client;
        return this;
    }

    /**
     * Sets how much HTTP to log; {@code Access-Token} is always redacted.
     *
     * @param level how much HTTP to log; {@code Access-Token} is always redacted
     * @return this builder
     */
    public TikTokEventsBuilder httpLogLevel(HttpLogLevel level) {
        this.httpLogLevel = Objects.requireNonNull(level, "httpLogLevel");
        return this;
    }

    /**
     * Sets where HTTP log lines go; System.Logger {@code io.github.tiktokevents.http} at INFO by default.
     *
     * @param sink where HTTP log lines go; System.Logger {@code io.github.tiktokevents.http} at INFO by default
     * @return this builder
     */
    public TikTokEventsBuilder httpLogger(Consumer<String> sink) {
        this.httpLogger = Objects.requireNonNull(sink, "httpLogger");
        return this;
    }

    /**
     * Sets the hook that hears this client's metrics: HTTP attempts and retries on every send path, and the events,
     * outcomes and queue depth of every processor the client makes. {@link TikTokMetrics#NONE} by default.
     *
     * @param metrics the hook, for example Micrometer's binding from the {@code tiktok-events-micrometer} module
     * @return this builder
     */
    public TikTokEventsBuilder metrics(TikTokMetrics metrics) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        return this;
    }

    /**
     * Sets how {@code send}, {@code sendAsync}, {@code sendBatch} and {@code sendBatchAsync} retry a request that
     * failed in a way a retry may cure (rate limits 40016, 40100, 40132, 40133 and HTTP 429; server errors 50000,
     * 50002, 51065, 40700 and HTTP 5xx; connection failures and timeouts): exponential backoff with jitter, at least the
     * {@code Retry-After} TikTok asked for, bounded in attempts and in total time. Other failures are thrown at
     * once. Resending is safe: TikTok deduplicates on {@code event_id}. Default {@link RetryPolicy#defaults()}
     * (5 attempts, 2 minutes in all); {@link RetryPolicy#none()} (or {@code maxAttempts(1)}) disables retries. The
     * {@link EventProcessor} takes its own policy from {@link ProcessorOptions#retryPolicy()}.
     *
     * @param policy the retry policy
     * @return this builder
     */
    public TikTokEventsBuilder retryPolicy(RetryPolicy policy) {
        this.retryPolicy = Objects.requireNonNull(policy, "retryPolicy");
        return this;
    }

    /** Test hook: the clock {@code Retry-After} dates are read against. */
    TikTokEventsBuilder clock(Clock value) {
        this.clock = Objects.requireNonNull(value, "clock");
        return this;
    }

    /** Test hook: where warnings about the configuration read by {@link #fromEnv(Function)} go. */
    TikTokEventsBuilder configWarnings(Consumer<String> sink) {
        this.configWarnings = Objects.requireNonNull(sink, "configWarnings");
        return this;
    }

    /** Test hook: the clock and timers of the direct path's retries, instead of a daemon thread. */
    TikTokEventsBuilder retryScheduler(DeliveryScheduler scheduler) {
        this.retryScheduler = scheduler;
        return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     * @throws TikTokConfigurationException naming every missing setting (token, event source id) and where to find it,
     *                                      if the base URL is not an absolute http(s) URL, or if the class path
     *                                      holds two different OkHttp jars (OkHttp 4's {@code okhttp} beside OkHttp
     *                                      5's {@code okhttp-jvm}), naming them
     */
    public TikTokEvents build() {
        List<String> missing = new ArrayList<>();
        if (accessToken == null) {
            missing.add("the access token: set " + EnvironmentConfig.ACCESS_TOKEN + " or accessToken(...)"
                    + " (TikTok Events Manager > your pixel or event set > Settings > Generate Access Token)");
        } else if (!isHeaderSafe(accessToken)) {
            // Caught here because OkHttp's own error for a bad header quotes the header's value.
            throw new TikTokConfigurationException("The access token contains a character an HTTP header cannot"
                    + " carry (a space, a control character or a non-ASCII letter, often pasted along with it):"
                    + " copy it again from Events Manager");
        }
        if (sourceIds.isEmpty()) {
            missing.add("an event source id: set " + EnvironmentConfig.PIXEL_ID + " or pixelCode(...) for web events"
                    + " (TikTok Events Manager > Data Sources > your pixel: Pixel ID), or appId(...),"
                    + " offlineEventSetId(...), crmEventSetId(...) for the other sources");
        }
        if (!missing.isEmpty()) {
            throw new TikTokConfigurationException("TikTok client is not configured, missing " + String.join("; and ", missing));
        }
        if (okhttp3.HttpUrl.parse(baseUrl) == null) {
            // not quoted: a URL may carry credentials
            throw new TikTokConfigurationException("baseUrl is not an absolute http:// or https:// URL");
        }
        ClientSettings settings = new ClientSettings(accessToken, sourceIds, testEventCode, partnerName, apiVersion,
                baseUrl, edition, pixelBatchSize, new GuardedMetrics(metrics));
        OkHttpClient client = HttpClientFactory.create(httpClient, connectTimeout, readTimeout, writeTimeout,
                callTimeout, httpLogLevel, httpLogger, accessToken);
        return new TikTokEvents(settings, clock, client, httpClient == null, retryPolicy, retryScheduler);
    }

    /** Visible ASCII only: what an access token is made of, and all a header value may hold without quoting it. */
    private static boolean isHeaderSafe(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c < 0x21 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    /**
     * A timeout OkHttp can honour: from 1 ms to {@link Integer#MAX_VALUE} ms (about 24.8 days), OkHttp's own range,
     * checked here so that {@code build()} never lets OkHttp's untyped {@code IllegalArgumentException} or an
     * {@code ArithmeticException} out.
     */
    private static Duration positive(Duration timeout, String name) {
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new TikTokConfigurationException(name + " must be positive: an infinite wait can hang a thread for hours");
        }
        if (timeout.compareTo(MIN_TIMEOUT) < 0 || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new TikTokConfigurationException(name + " must be from 1 ms to " + MAX_TIMEOUT.toDays()
                    + " days (" + Integer.MAX_VALUE + " ms), was " + timeout);
        }
        return timeout;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Shows which settings are present, never the token nor credentials in the base URL. */
    @Override
    public String toString() {
        return "TikTokEventsBuilder{accessToken=" + (accessToken == null ? "missing" : "***") + ", sourceIds=" + sourceIds
                + ", apiVersion=" + apiVersion + ", baseUrl=" + io.github.tiktokevents.internal.http.UrlText.withoutCredentials(baseUrl)
                + ", edition=" + edition + '}';
    }
}
