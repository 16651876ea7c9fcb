package io.github.tiktokevents.spring.internal;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.TikTokEventsBuilder;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.spring.TikTokEventsBuilderCustomizer;
import io.github.tiktokevents.spring.TikTokEventsProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Makes the client from the {@code tiktok.events.*} properties: the SDK's environment variables first (read through
 * Spring's Environment, so tests and config servers can set them too), then the properties, then the customizers.
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 */
public final class ClientFactory {
    /** The SDK's variables and the properties that set the same thing, for the startup error message. */
    private static final Map<String, String> PROPERTY_OF_VARIABLE = new LinkedHashMap<>();

    static {
        PROPERTY_OF_VARIABLE.put("TIKTOK_ACCESS_TOKEN", "tiktok.events.access-token");
        PROPERTY_OF_VARIABLE.put("TIKTOK_PIXEL_ID", "tiktok.events.pixel-code");
        PROPERTY_OF_VARIABLE.put("TIKTOK_APP_ID", "tiktok.events.app-id");
        PROPERTY_OF_VARIABLE.put("TIKTOK_OFFLINE_EVENT_SET_ID", "tiktok.events.offline-event-set-id");
        PROPERTY_OF_VARIABLE.put("TIKTOK_CRM_EVENT_SET_ID", "tiktok.events.crm-event-set-id");
        PROPERTY_OF_VARIABLE.put("TIKTOK_API_VERSION", "tiktok.events.api-version");
        PROPERTY_OF_VARIABLE.put("TIKTOK_BASE_URL", "tiktok.events.base-url");
    }

    private ClientFactory() {
    }

    /**
     * Builds the client.
     *
     * @param properties the bound properties
     * @param environment looks up a variable such as {@code TIKTOK_ACCESS_TOKEN}
     * @param customizers applied last, in order
     * @return the client
     * @throws TikTokConfigurationException the SDK's message, followed by the properties that set what it names
     */
    public static TikTokEvents build(TikTokEventsProperties properties, Function<String, String> environment,
                                     Stream<TikTokEventsBuilderCustomizer> customizers) {
        TikTokEventsBuilder builder = TikTokEvents.builder();
        try {
            if (properties.isReadEnvironment()) {
                builder.fromEnv(environment);
            }
            apply(properties, builder);
            customizers.forEach(customizer -> customizer.customize(builder));
            return builder.build();
        } catch (TikTokConfigurationException e) {
            throw new TikTokConfigurationException(withPropertyNames(e.getMessage()));
        }
    }

    /**
     * The SDK's message, followed by the Spring property of every variable it names: the SDK speaks of variables
     * and builder methods, a Spring application of properties.
     */
    static String withPropertyNames(String message) {
        StringBuilder names = new StringBuilder();
        PROPERTY_OF_VARIABLE.forEach((variable, property) -> {
            if (message != null && message.contains(variable)) {
                names.append(names.length() == 0 ? "" : ", ").append(property).append(" (or ").append(variable).append(')');
            }
        });
        return names.length() == 0 ? message : message + ". In Spring Boot set " + names;
    }

    private static void apply(TikTokEventsProperties p, TikTokEventsBuilder b) {
        set(p.getAccessToken(), b::accessToken);
        set(p.getPixelCode(), b::pixelCode);
        set(p.getAppId(), b::appId);
        set(p.getOfflineEventSetId(), b::offlineEventSetId);
        set(p.getCrmEventSetId(), b::crmEventSetId);
        p.getSourceIds().forEach((source, id) -> b.sourceId(EventSource.of(source), id));
        set(p.getApiVersion(), b::apiVersion);
        set(p.getApiEdition(), b::apiEdition);
        set(p.getPixelBatchSize(), b::pixelBatchSize);
        set(p.getTestEventCode(), b::testEventCode);
        set(p.getPartnerName(), b::partnerName);
        set(p.getBaseUrl(), b::baseUrl);
        set(p.getConnectTimeout(), b::connectTimeout);
        set(p.getReadTimeout(), b::readTimeout);
        set(p.getWriteTimeout(), b::writeTimeout);
        set(p.getCallTimeout(), b::callTimeout);
        set(p.getHttpLogLevel(), b::httpLogLevel);
        RetryPolicy retry = retryPolicy(p.getRetry());
        if (retry != null) {
            b.retryPolicy(retry);
        }
    }

    /**
     * The retry policy the properties describe, or null when they set nothing (the SDK's default stays).
     *
     * @param r the retry properties
     * @return the policy, or null
     */
    public static RetryPolicy retryPolicy(TikTokEventsProperties.Retry r) {
        if (Stream.of(r.getMaxAttempts(), r.getInitialDelay(), r.getMultiplier(), r.getMaxDelay(), r.getJitter(),
                r.getMaxElapsed(), r.getMaxRetryAfter()).allMatch(value -> value == null)) {
            return null;
        }
        RetryPolicy.Builder b = RetryPolicy.builder();
        set(r.getMaxAttempts(), b::maxAttempts);
        set(r.getInitialDelay(), b::initialDelay);
        set(r.getMultiplier(), b::multiplier);
        set(r.getMaxDelay(), b::maxDelay);
        set(r.getJitter(), b::jitter);
        set(r.getMaxElapsed(), b::maxElapsed);
        set(r.getMaxRetryAfter(), b::maxRetryAfter);
        return b.build();
    }

    static <T> void set(T value, Consumer<T> setter) {
        if (value != null) {
            setter.accept(value);
        }
    }
}
