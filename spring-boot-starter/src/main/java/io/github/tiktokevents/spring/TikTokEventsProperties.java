package io.github.tiktokevents.spring;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.HttpLogLevel;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code tiktok.events.*} settings. Each one left unset keeps the SDK's own default (or, with
 * {@code tiktok.events.read-environment}, the value of the SDK's environment variable), so only what differs needs
 * to be written down.
 *
 * <pre>{@code
 * tiktok:
 *   events:
 *     access-token: ${TIKTOK_ACCESS_TOKEN}
 *     pixel-code: CE3VQJJC77U1234ABCD0
 *     processor:
 *       max-delay: 500ms
 * }</pre>
 */
@ConfigurationProperties(prefix = TikTokEventsProperties.PREFIX)
public class TikTokEventsProperties {
    /** The prefix of every setting. */
    public static final String PREFIX = "tiktok.events";

    /**
     * Events API access token (Events Manager > Settings > Generate Access Token). When unset, the environment
     * variable TIKTOK_ACCESS_TOKEN is read (see read-environment).
     */
    private String accessToken;

    /** Pixel code: the event_source_id of web events. When unset, TIKTOK_PIXEL_ID is read. */
    private String pixelCode;

    /** TikTok App ID: the event_source_id of app events. When unset, TIKTOK_APP_ID is read. */
    private String appId;

    /** Offline event set id: the event_source_id of offline events. When unset, TIKTOK_OFFLINE_EVENT_SET_ID is read. */
    private String offlineEventSetId;

    /** CRM event set id: the event_source_id of CRM events. When unset, TIKTOK_CRM_EVENT_SET_ID is read. */
    private String crmEventSetId;

    /**
     * The event_source_id of further sources by their wire name (such as mini_app), for sources this SDK version
     * does not list yet.
     */
    private Map<String, String> sourceIds = new LinkedHashMap<>();

    /** Business API version, such as v1.3 (the SDK's default). When unset, TIKTOK_API_VERSION is read. */
    private String apiVersion;

    /** Which endpoints to use: EVENTS_V2 (Events API 2.0, the default) or PIXEL_V1. */
    private ApiEdition apiEdition;

    /** Events per Events API 1.0 /pixel/batch/ request, 1 to 1000; 50 by default. */
    private Integer pixelBatchSize;

    /**
     * Marks every event sent as a test event (Events Manager > Test Events). When unset, TIKTOK_TEST_EVENT_CODE is
     * read.
     */
    private String testEventCode;

    /** Integration partner name sent as partner_name. */
    private String partnerName;

    /**
     * Base URL without /open_api, for tests or a proxy; https://business-api.tiktok.com by default. When unset,
     * TIKTOK_BASE_URL is read.
     */
    private String baseUrl;

    /**
     * Whether to read the SDK's environment variables (TIKTOK_ACCESS_TOKEN, TIKTOK_PIXEL_ID, ...) through Spring's
     * Environment before the tiktok.events.* properties, which win where both are set.
     */
    private boolean readEnvironment = true;

    /** HTTP connection timeout; 10 s by default. */
    private Duration connectTimeout;

    /** HTTP read timeout; 30 s by default. */
    private Duration readTimeout;

    /** HTTP write timeout; 30 s by default. */
    private Duration writeTimeout;

    /** Whole HTTP call timeout; 60 s by default. */
    private Duration callTimeout;

    /** How much HTTP to log (the access token is always redacted); NONE by default. */
    private HttpLogLevel httpLogLevel;

    /** How failed requests are retried, by the client's direct sends and by the processor alike. */
    private final Retry retry = new Retry();

    /** The background processor that the EventProcessor bean is. */
    private final Processor processor = new Processor();

    /** Where the processor keeps its events until TikTok has them: memory (the default), a local directory or a table. */
    private final Outbox outbox = new Outbox();

    /** @return the access token, or null */
    public String getAccessToken() {
        return accessToken;
    }

    /** @param accessToken the access token */
    public void setAccessToken(String accessToken) {
        this.accessToken = accessToken;
    }

    /** @return the pixel code, or null */
    public String getPixelCode() {
        return pixelCode;
    }

    /** @param pixelCode the pixel code */
    public void setPixelCode(String pixelCode) {
        this.pixelCode = pixelCode;
    }

    /** @return the app id, or null */
    public String getAppId() {
        return appId;
    }

    /** @param appId the app id */
    public void setAppId(String appId) {
        this.appId = appId;
    }

    /** @return the offline event set id, or null */
    public String getOfflineEventSetId() {
        return offlineEventSetId;
    }

    /** @param offlineEventSetId the offline event set id */
    public void setOfflineEventSetId(String offlineEventSetId) {
        this.offlineEventSetId = offlineEventSetId;
    }

    /** @return the CRM event set id, or null */
    public String getCrmEventSetId() {
        return crmEventSetId;
    }

    /** @param crmEventSetId the CRM event set id */
    public void setCrmEventSetId(String crmEventSetId) {
        this.crmEventSetId = crmEventSetId;
    }

    /** @return further sources' ids by wire name */
    public Map<String, String> getSourceIds() {
        return sourceIds;
    }

    /** @param sourceIds further sources' ids by wire name */
    public void setSourceIds(Map<String, String> sourceIds) {
        this.sourceIds = sourceIds;
    }

    /** @return the API version, or null */
    public String getApiVersion() {
        return apiVersion;
    }

    /** @param apiVersion the API version */
    public void setApiVersion(String apiVersion) {
        this.apiVersion = apiVersion;
    }

    /** @return the API edition, or null */
    public ApiEdition getApiEdition() {
        return apiEdition;
    }

    /** @param apiEdition the API edition */
    public void setApiEdition(ApiEdition apiEdition) {
        this.apiEdition = apiEdition;
    }

    /** @return the Events API 1.0 batch size, or null */
    public Integer getPixelBatchSize() {
        return pixelBatchSize;
    }

    /** @param pixelBatchSize the Events API 1.0 batch size */
    public void setPixelBatchSize(Integer pixelBatchSize) {
        this.pixelBatchSize = pixelBatchSize;
    }

    /** @return the test event code, or null */
    public String getTestEventCode() {
        return testEventCode;
    }

    /** @param testEventCode the test event code */
    public void setTestEventCode(String testEventCode) {
        this.testEventCode = testEventCode;
    }

    /** @return the partner name, or null */
    public String getPartnerName() {
        return partnerName;
    }

    /** @param partnerName the partner name */
    public void setPartnerName(String partnerName) {
        this.partnerName = partnerName;
    }

    /** @return the base URL, or null */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** @param baseUrl the base URL */
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** @return whether the SDK's environment variables are read */
    public boolean isReadEnvironment() {
        return readEnvironment;
    }

    /** @param readEnvironment whether the SDK's environment variables are read */
    public void setReadEnvironment(boolean readEnvironment) {
        this.readEnvironment = readEnvironment;
    }

    /** @return the connect timeout, or null */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** @param connectTimeout the connect timeout */
    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    /** @return the read timeout, or null */
    public Duration getReadTimeout() {
        return readTimeout;
    }

    /** @param readTimeout the read timeout */
    public void setReadTimeout(Duration readTimeout) {
        this.readTimeout = readTimeout;
    }

    /** @return the write timeout, or null */
    public Duration getWriteTimeout() {
        return writeTimeout;
    }

    /** @param writeTimeout the write timeout */
    public void setWriteTimeout(Duration writeTimeout) {
        this.writeTimeout = writeTimeout;
    }

    /** @return the call timeout, or null */
    public Duration getCallTimeout() {
        return callTimeout;
    }

    /** @param callTimeout the call timeout */
    public void setCallTimeout(Duration callTimeout) {
        this.callTimeout = callTimeout;
    }

    /** @return the HTTP log level, or null */
    public HttpLogLevel getHttpLogLevel() {
        return httpLogLevel;
    }

    /** @param httpLogLevel the HTTP log level */
    public void setHttpLogLevel(HttpLogLevel httpLogLevel) {
        this.httpLogLevel = httpLogLevel;
    }

    /** @return the retry settings */
    public Retry getRetry() {
        return retry;
    }

    /** @return the processor settings */
    public Processor getProcessor() {
        return processor;
    }

    /** @return the {@code tiktok.events.outbox.*} settings */
    public Outbox getOutbox() {
        return outbox;
    }

    /** {@code tiktok.events.retry.*}: the SDK's {@code RetryPolicy}. */
    public static class Retry {
        /** Most attempts per request, the first one included; 1 disables retries. 5 by default. */
        private Integer maxAttempts;

        /** Wait before the first retry, before jitter; 500 ms by default. */
        private Duration initialDelay;

        /** Factor by which each further wait grows; 2.0 by default. */
        private Double multiplier;

        /** Longest computed wait between two attempts, before jitter; 30 s by default. */
        private Duration maxDelay;

        /** Largest fraction by which jitter shortens a wait, 0.0 to 1.0; 0.5 by default. */
        private Double jitter;

        /** Time from a request's first attempt after which no retry starts; 2 min by default. */
        private Duration maxElapsed;

        /** Longest Retry-After honoured; a longer one is cut to this. 60 s by default. */
        private Duration maxRetryAfter;

        /** @return the most attempts, or null */
        public Integer getMaxAttempts() {
            return maxAttempts;
        }

        /** @param maxAttempts the most attempts */
        public void setMaxAttempts(Integer maxAttempts) {
            this.maxAttempts = maxAttempts;
        }

        /** @return the first wait, or null */
        public Duration getInitialDelay() {
            return initialDelay;
        }

        /** @param initialDelay the first wait */
        public void setInitialDelay(Duration initialDelay) {
            this.initialDelay = initialDelay;
        }

        /** @return the growth factor, or null */
        public Double getMultiplier() {
            return multiplier;
        }

        /** @param multiplier the growth factor */
        public void setMultiplier(Double multiplier) {
            this.multiplier = multiplier;
        }

        /** @return the longest wait, or null */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /** @param maxDelay the longest wait */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /** @return the jitter, or null */
        public Double getJitter() {
            return jitter;
        }

        /** @param jitter the jitter */
        public void setJitter(Double jitter) {
            this.jitter = jitter;
        }

        /** @return the total retry time, or null */
        public Duration getMaxElapsed() {
            return maxElapsed;
        }

        /** @param maxElapsed the total retry time */
        public void setMaxElapsed(Duration maxElapsed) {
            this.maxElapsed = maxElapsed;
        }

        /** @return the longest Retry-After honoured, or null */
        public Duration getMaxRetryAfter() {
            return maxRetryAfter;
        }

        /** @param maxRetryAfter the longest Retry-After honoured */
        public void setMaxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = maxRetryAfter;
        }
    }

    /** {@code tiktok.events.processor.*}: the SDK's {@code ProcessorOptions}. */
    public static class Processor {
        /** Whether to define the EventProcessor bean. */
        private boolean enabled = true;

        /** Events per request, 1 to 1000 (TikTok's limit, the default). */
        private Integer maxBatchSize;

        /** Longest wait of a queued event before its (possibly partial) batch is sent; 1 s by default. */
        private Duration maxDelay;

        /** Most events waiting in the queue; 10000 by default. */
        private Integer queueCapacity;

        /** Most estimated serialized bytes of events waiting in the queue; 16 MiB by default. */
        private Long queueCapacityBytes;

        /** What enqueue does when the queue is full: BLOCK_WITH_TIMEOUT (the default) or REJECT. */
        private QueueFullPolicy queueFullPolicy;

        /** Longest wait for room in a full queue under BLOCK_WITH_TIMEOUT; 100 ms by default. */
        private Duration enqueueTimeout;

        /** Most requests outstanding at once; 4 by default. */
        private Integer maxRequestsInFlight;

        /** Time after which a request without an answer counts as a retryable timeout; 60 s by default. */
        private Duration requestTimeout;

        /**
         * Longest drain when the application shuts down. Unset: spring.lifecycle.timeout-per-shutdown-phase (30 s by
         * default) less 5 s, so what is still undelivered is reported failed before Spring gives up on the phase; a
         * longer value is cut to that.
         */
        private Duration closeTimeout;

        /** Prefix of the names of the processor's threads; tiktok-events-processor by default. */
        private String threadNamePrefix;

        /** @return whether the processor bean is defined */
        public boolean isEnabled() {
            return enabled;
        }

        /** @param enabled whether the processor bean is defined */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the batch size, or null */
        public Integer getMaxBatchSize() {
            return maxBatchSize;
        }

        /** @param maxBatchSize the batch size */
        public void setMaxBatchSize(Integer maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
        }

        /** @return the longest wait in the queue, or null */
        public Duration getMaxDelay() {
            return maxDelay;
        }

        /** @param maxDelay the longest wait in the queue */
        public void setMaxDelay(Duration maxDelay) {
            this.maxDelay = maxDelay;
        }

        /** @return the queue capacity in events, or null */
        public Integer getQueueCapacity() {
            return queueCapacity;
        }

        /** @param queueCapacity the queue capacity in events */
        public void setQueueCapacity(Integer queueCapacity) {
            this.queueCapacity = queueCapacity;
        }

        /** @return the queue capacity in bytes, or null */
        public Long getQueueCapacityBytes() {
            return queueCapacityBytes;
        }

        /** @param queueCapacityBytes the queue capacity in bytes */
        public void setQueueCapacityBytes(Long queueCapacityBytes) {
            this.queueCapacityBytes = queueCapacityBytes;
        }

        /** @return the full-queue policy, or null */
        public QueueFullPolicy getQueueFullPolicy() {
            return queueFullPolicy;
        }

        /** @param queueFullPolicy the full-queue policy */
        public void setQueueFullPolicy(QueueFullPolicy queueFullPolicy) {
            this.queueFullPolicy = queueFullPolicy;
        }

        /** @return the enqueue wait, or null */
        public Duration getEnqueueTimeout() {
            return enqueueTimeout;
        }

        /** @param enqueueTimeout the enqueue wait */
        public void setEnqueueTimeout(Duration enqueueTimeout) {
            this.enqueueTimeout = enqueueTimeout;
        }

        /** @return the most requests in flight, or null */
        public Integer getMaxRequestsInFlight() {
            return maxRequestsInFlight;
        }

        /** @param maxRequestsInFlight the most requests in flight */
        public void setMaxRequestsInFlight(Integer maxRequestsInFlight) {
            this.maxRequestsInFlight = maxRequestsInFlight;
        }

        /** @return the request timeout, or null */
        public Duration getRequestTimeout() {
            return requestTimeout;
        }

        /** @param requestTimeout the request timeout */
        public void setRequestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
        }

        /** @return the longest drain at shutdown, or null */
        public Duration getCloseTimeout() {
            return closeTimeout;
        }

        /** @param closeTimeout the longest drain at shutdown */
        public void setCloseTimeout(Duration closeTimeout) {
            this.closeTimeout = closeTimeout;
        }

        /** @return the thread name prefix, or null */
        public String getThreadNamePrefix() {
            return threadNamePrefix;
        }

        /** @param threadNamePrefix the thread name prefix */
        public void setThreadNamePrefix(String threadNamePrefix) {
            this.threadNamePrefix = threadNamePrefix;
        }
    }

    /** Where the processor keeps its events: {@code tiktok.events.outbox.*}. */
    public enum OutboxType {
        /** In memory: lost if the process is killed (the SDK's default). */
        NONE,
        /** In a local directory (tiktok-events-outbox, SQLite): survives kill -9. */
        LOCAL,
        /** In a table of the application's DataSource (tiktok-events-outbox-jdbc), written in its transactions. */
        JDBC
    }

    /** How the local outbox makes a stored event durable. */
    public enum LocalDurability {
        /** Each event forced to disk before enqueue returns: survives a power cut. */
        EACH_EVENT,
        /** Written to the operating system at once (survives kill -9), forced to disk every few milliseconds. */
        GROUPED
    }

    /** {@code tiktok.events.outbox.*}: a durable processor. */
    public static class Outbox {
        /** Where the EventProcessor bean keeps its events: none (memory), local or jdbc. */
        private OutboxType type = OutboxType.NONE;

        /** The local outbox's directory (type local); locked to one process while it runs. */
        private java.nio.file.Path directory;

        /** The local outbox's durability (type local): grouped (default) or each-event. */
        private LocalDurability durability;

        /** The table of the JDBC outbox (type jdbc); the SDK's default name when not set. */
        private String table;

        /** How long a relay's claim on rows lasts before another instance may take them over (type jdbc). */
        private java.time.Duration lease;

        /** Whether to create the JDBC outbox's table at startup when it does not exist (type jdbc). */
        private boolean initializeSchema;

        /** @return the outbox type */
        public OutboxType getType() {
            return type;
        }

        /** @param type the outbox type */
        public void setType(OutboxType type) {
            this.type = type;
        }

        /** @return the local outbox's directory, or null */
        public java.nio.file.Path getDirectory() {
            return directory;
        }

        /** @param directory the local outbox's directory */
        public void setDirectory(java.nio.file.Path directory) {
            this.directory = directory;
        }

        /** @return the local outbox's durability, or null for the SDK's default */
        public LocalDurability getDurability() {
            return durability;
        }

        /** @param durability the local outbox's durability */
        public void setDurability(LocalDurability durability) {
            this.durability = durability;
        }

        /** @return the JDBC outbox's table, or null for the SDK's default */
        public String getTable() {
            return table;
        }

        /** @param table the JDBC outbox's table */
        public void setTable(String table) {
            this.table = table;
        }

        /** @return the JDBC outbox's lease, or null for the SDK's default */
        public java.time.Duration getLease() {
            return lease;
        }

        /** @param lease the JDBC outbox's lease */
        public void setLease(java.time.Duration lease) {
            this.lease = lease;
        }

        /** @return whether to create the JDBC outbox's table at startup */
        public boolean isInitializeSchema() {
            return initializeSchema;
        }

        /** @param initializeSchema whether to create the JDBC outbox's table at startup */
        public void setInitializeSchema(boolean initializeSchema) {
            this.initializeSchema = initializeSchema;
        }
    }
}
