package io.github.tiktokevents.kafka;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.TikTokEventsBuilder;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.kafka.internal.FieldMapping;
import io.github.tiktokevents.kafka.internal.FieldPath;
import io.github.tiktokevents.kafka.internal.MappingRules;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of {@link TikTokSinkConnector}: where to send (token, event source and its id), how (request size,
 * retries) and how a record becomes an event (the {@code mapping.*} settings). Bad values are refused when the
 * connector is created, with the setting's name; the access token is a {@code PASSWORD} setting, masked by the
 * worker and never in a message.
 *
 * <p>The mapping defaults read records shaped like TikTok's own event: {@code {"event": "Purchase",
 * "event_time": 1700000000, "event_id": "o-1", "user": {"email": ...}, "properties": {...}, "page": {"url": ...}}}.
 */
public final class TikTokSinkConfig extends AbstractConfig {
    private static final Logger LOG = LoggerFactory.getLogger(TikTokSinkConfig.class);
    /** The TikTok access token (a secret). */
    public static final String ACCESS_TOKEN = "tiktok.access.token";
    /** The event source of every event: web, app, offline, crm (or a source this version does not list). */
    public static final String EVENT_SOURCE = "tiktok.event.source";
    /** The id of the event source: the pixel code, app id, offline or CRM event set id. */
    public static final String EVENT_SOURCE_ID = "tiktok.event.source.id";
    /** TikTok's base URL; change it only for tests (the emulator) or a proxy. */
    public static final String BASE_URL = "tiktok.base.url";
    /** A test event code, so events show in Events Manager's Test Events tab only. */
    public static final String TEST_EVENT_CODE = "tiktok.test.event.code";
    /** Events per request, 1 to 1,000. */
    public static final String BATCH_SIZE = "tiktok.batch.size";
    /** Attempts per request by the SDK, the first included. */
    public static final String RETRY_MAX_ATTEMPTS = "tiktok.retry.max.attempts";
    /** The SDK's first wait between attempts. */
    public static final String RETRY_INITIAL_DELAY_MS = "tiktok.retry.initial.delay.ms";
    /** The SDK's longest wait between attempts. */
    public static final String RETRY_MAX_DELAY_MS = "tiktok.retry.max.delay.ms";
    /** How long the SDK keeps retrying one request. */
    public static final String RETRY_MAX_ELAPSED_MS = "tiktok.retry.max.elapsed.ms";
    /** How long the worker waits before giving a batch again once the SDK's retries ran out. */
    public static final String RETRY_BACKOFF_MS = "tiktok.retry.backoff.ms";
    /** The record field holding the event name. */
    public static final String EVENT_NAME_FIELD = "mapping.event.name.field";
    /** The event name used when a record has none. */
    public static final String EVENT_NAME = "mapping.event.name";
    /** The record field holding the event time; empty: the record's Kafka timestamp. */
    public static final String EVENT_TIME_FIELD = "mapping.event.time.field";
    /** The record field holding the event id; empty or missing: {@code topic-partition-offset}. */
    public static final String EVENT_ID_FIELD = "mapping.event.id.field";
    /** {@code user} fields, as {@code tiktok_name=record.path} entries. */
    public static final String USER = "mapping.user";
    /** {@code properties} fields, as {@code tiktok_name=record.path} entries. */
    public static final String PROPERTIES = "mapping.properties";
    /** The record field holding the list of content items. */
    public static final String CONTENTS_FIELD = "mapping.contents.field";
    /** {@code contents[]} item fields read inside each item; empty: items use TikTok's names. */
    public static final String CONTENT = "mapping.content";
    /** {@code page} fields. */
    public static final String PAGE = "mapping.page";
    /** {@code app} fields. */
    public static final String APP = "mapping.app";
    /** {@code lead} fields. */
    public static final String LEAD = "mapping.lead";

    /** Any name: unknown ones are sent as additional fields. */
    private static final Set<String> ANY_NAME = Set.of();
    private static final Set<String> APP_NAMES = Set.of("app_id", "app_name", "app_version");
    private static final Set<String> LEAD_NAMES = Set.of("lead_id", "lead_event_source");

    /**
     * Reads and checks settings.
     *
     * @param settings the connector's or task's settings
     * @throws ConfigException naming the first bad setting
     */
    public TikTokSinkConfig(Map<String, String> settings) {
        // not AbstractConfig's own log of every value: it would print credentials a base URL carries
        super(configDef(), settings, false);
        retryPolicy();
        LOG.info("TikTokSinkConfig values: {}", loggedValues());
    }

    /** Every setting as the worker's log shows it: secrets as Kafka hides them, a base URL without credentials. */
    String loggedValues() {
        Map<String, Object> shown = new TreeMap<>(values());
        shown.computeIfPresent(BASE_URL, (name, url) -> withoutCredentials(url.toString()));
        return shown.toString();
    }

    private static String withoutCredentials(String url) {
        int scheme = url.indexOf("://");
        int at = url.indexOf('@', Math.max(0, scheme));
        int path = url.indexOf('/', scheme < 0 ? 0 : scheme + 3);
        return scheme >= 0 && at > scheme && (path < 0 || at < path)
                ? url.substring(0, scheme + 3) + "***" + url.substring(at) : url;
    }

    /**
     * The definition of every setting, with its validator and documentation.
     *
     * @return a new definition
     */
    public static ConfigDef configDef() {
        ConfigDef.Validator nonBlank = new ConfigDef.NonEmptyStringWithoutControlChars();
        return new ConfigDef()
                .define(ACCESS_TOKEN, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                        "The TikTok Events API access token. A secret: masked by the worker, never logged.")
                .define(EVENT_SOURCE, Type.STRING, "web", nonBlank, Importance.HIGH,
                        "The event source of every event: web, app, offline, crm, or another source TikTok knows.")
                .define(EVENT_SOURCE_ID, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, nonBlank, Importance.HIGH,
                        "The id of the event source: pixel code (web), app id, offline or CRM event set id.")
                .define(BASE_URL, Type.STRING, TikTokEvents.DEFAULT_BASE_URL, SettingValidators.httpUrl(),
                        Importance.LOW, "TikTok's base URL; change it for tests (the emulator) only.")
                .define(TEST_EVENT_CODE, Type.STRING, null, Importance.MEDIUM,
                        "A test event code from Events Manager; events then show on the Test Events tab only.")
                .define(BATCH_SIZE, Type.INT, TikTokEvents.MAX_EVENTS_PER_REQUEST,
                        ConfigDef.Range.between(1, TikTokEvents.MAX_EVENTS_PER_REQUEST), Importance.MEDIUM,
                        "Events per request to TikTok.")
                .define(RETRY_MAX_ATTEMPTS, Type.INT, 3, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "Attempts per request by the SDK (the first included) before the batch is handed back "
                                + "to the worker for a later retry.")
                .define(RETRY_INITIAL_DELAY_MS, Type.LONG, 500L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "The SDK's first wait between attempts, in ms (exponential backoff with jitter).")
                .define(RETRY_MAX_DELAY_MS, Type.LONG, 10_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "The SDK's longest wait between attempts, in ms.")
                .define(RETRY_MAX_ELAPSED_MS, Type.LONG, 60_000L, ConfigDef.Range.atLeast(1), Importance.LOW,
                        "How long the SDK keeps retrying one request, in ms.")
                .define(RETRY_BACKOFF_MS, Type.LONG, 5_000L, ConfigDef.Range.atLeast(0), Importance.LOW,
                        "How long the worker waits, in ms, before giving a batch again after the SDK's retries "
                                + "ran out (rate limit, TikTok unavailable): back-pressure, not a failure.")
                .define(EVENT_NAME_FIELD, Type.STRING, "event", SettingValidators.fieldPath(false),
                        Importance.HIGH, "The record field holding the event name, such as Purchase.")
                .define(EVENT_NAME, Type.STRING, null, Importance.MEDIUM,
                        "The event name for records without one.")
                .define(EVENT_TIME_FIELD, Type.STRING, "event_time", SettingValidators.fieldPath(true),
                        Importance.MEDIUM, "The record field holding the event time: epoch seconds or ms, or "
                                + "ISO-8601 text; empty or missing: the record's Kafka timestamp.")
                .define(EVENT_ID_FIELD, Type.STRING, "event_id", SettingValidators.fieldPath(true),
                        Importance.HIGH, "The record field holding the event id (TikTok's deduplication key); "
                                + "empty or missing: topic-partition-offset.")
                .define(USER, Type.LIST, String.join(",", FieldMapping.entries(
                                "email", "user.email", "phone", "user.phone", "external_id", "user.external_id",
                                "ip", "user.ip", "user_agent", "user.user_agent", "ttclid", "user.ttclid",
                                "ttp", "user.ttp")),
                        SettingValidators.mapping(SettingValidators.USER_NAMES), Importance.HIGH,
                        "user fields as tiktok_name=record.path. Raw personal data is normalised and SHA-256 "
                                + "hashed; 64-hex digests pass through. Names: " + SettingValidators.USER_NAMES)
                .define(PROPERTIES, Type.LIST, String.join(",", FieldMapping.entries(
                                "currency", "properties.currency", "value", "properties.value",
                                "content_type", "properties.content_type", "order_id", "properties.order_id",
                                "description", "properties.description", "query", "properties.query")),
                        SettingValidators.mapping(ANY_NAME), Importance.MEDIUM,
                        "properties fields as tiktok_name=record.path; unknown names are sent as given.")
                .define(CONTENTS_FIELD, Type.STRING, "properties.contents", SettingValidators.fieldPath(true),
                        Importance.MEDIUM, "The record field holding the list of content items.")
                .define(CONTENT, Type.LIST, "", SettingValidators.mapping(ANY_NAME), Importance.LOW,
                        "contents[] item fields as tiktok_name=item.path; empty: items use TikTok's names.")
                .define(PAGE, Type.LIST, "url=page.url,referrer=page.referrer", SettingValidators.mapping(ANY_NAME),
                        Importance.MEDIUM, "page fields as tiktok_name=record.path (url, referrer).")
                .define(APP, Type.LIST, "app_id=app.app_id,app_name=app.app_name,app_version=app.app_version",
                        SettingValidators.mapping(APP_NAMES), Importance.LOW,
                        "app fields as tiktok_name=record.path (app events).")
                .define(LEAD, Type.LIST, "lead_id=lead.lead_id,lead_event_source=lead.lead_event_source",
                        SettingValidators.mapping(LEAD_NAMES), Importance.LOW,
                        "lead fields as tiktok_name=record.path (CRM events).");
    }

    /**
     * Where each part of an event is found in a record.
     *
     * @return the mapping rules
     */
    public MappingRules mappingRules() {
        return new MappingRules(
                EventSource.of(getString(EVENT_SOURCE).trim()),
                FieldPath.of(getString(EVENT_NAME_FIELD)),
                optional(EVENT_NAME),
                optional(EVENT_TIME_FIELD).map(FieldPath::of),
                optional(EVENT_ID_FIELD).map(FieldPath::of),
                FieldMapping.parse(getList(USER), SettingValidators.USER_NAMES),
                FieldMapping.parse(getList(PROPERTIES), ANY_NAME),
                optional(CONTENTS_FIELD).map(FieldPath::of),
                FieldMapping.parse(getList(CONTENT), ANY_NAME),
                FieldMapping.parse(getList(PAGE), ANY_NAME),
                FieldMapping.parse(getList(APP), APP_NAMES),
                FieldMapping.parse(getList(LEAD), LEAD_NAMES));
    }

    /**
     * A client builder with the token, the event source's id, the base URL, the test event code and the retries.
     *
     * @return the builder; the caller builds and closes the client
     */
    public TikTokEventsBuilder clientBuilder() {
        TikTokEventsBuilder builder = TikTokEvents.builder()
                .accessToken(getPassword(ACCESS_TOKEN).value())
                .sourceId(EventSource.of(getString(EVENT_SOURCE).trim()), getString(EVENT_SOURCE_ID).trim())
                .baseUrl(getString(BASE_URL))
                .retryPolicy(retryPolicy());
        optional(TEST_EVENT_CODE).ifPresent(builder::testEventCode);
        return builder;
    }

    /** @return events per request */
    public int batchSize() {
        return getInt(BATCH_SIZE);
    }

    /** @return how long the worker waits before giving a batch again */
    public Duration retryBackoff() {
        return Duration.ofMillis(getLong(RETRY_BACKOFF_MS));
    }

    /** @return the event source id (not a secret), for messages */
    public String eventSourceId() {
        return getString(EVENT_SOURCE_ID).trim();
    }

    private RetryPolicy retryPolicy() {
        if (getLong(RETRY_MAX_DELAY_MS) < getLong(RETRY_INITIAL_DELAY_MS)) {
            throw new ConfigException(RETRY_MAX_DELAY_MS, getLong(RETRY_MAX_DELAY_MS),
                    "must not be below " + RETRY_INITIAL_DELAY_MS + " (" + getLong(RETRY_INITIAL_DELAY_MS) + ")");
        }
        try {
            return RetryPolicy.builder()
                    .maxAttempts(getInt(RETRY_MAX_ATTEMPTS))
                    .initialDelay(Duration.ofMillis(getLong(RETRY_INITIAL_DELAY_MS)))
                    .maxDelay(Duration.ofMillis(getLong(RETRY_MAX_DELAY_MS)))
                    .maxElapsed(Duration.ofMillis(getLong(RETRY_MAX_ELAPSED_MS)))
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ConfigException(RETRY_MAX_DELAY_MS, getLong(RETRY_MAX_DELAY_MS),
                    "the retry settings do not fit together: " + e.getMessage());
        }
    }

    private Optional<String> optional(String key) {
        String value = getString(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}
