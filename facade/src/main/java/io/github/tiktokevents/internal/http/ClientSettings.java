package io.github.tiktokevents.internal.http;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.internal.metrics.GuardedMetrics;
import io.github.tiktokevents.metrics.TikTokMetrics;
import java.util.Map;

/**
 * The settings a {@link TikTokEvents} was built with, frozen. {@link #toString()} never shows the token.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public record ClientSettings(
        String accessToken,
        Map<EventSource, String> sourceIds,
        String testEventCode,
        String partnerName,
        String apiVersion,
        String baseUrl,
        ApiEdition edition,
        int pixelBatchSize,
        GuardedMetrics metrics) {

    public ClientSettings {
        sourceIds = Map.copyOf(sourceIds);
    }

    /** Settings without a metrics hook. */
    public ClientSettings(String accessToken, Map<EventSource, String> sourceIds, String testEventCode,
                          String partnerName, String apiVersion, String baseUrl, ApiEdition edition, int pixelBatchSize) {
        this(accessToken, sourceIds, testEventCode, partnerName, apiVersion, baseUrl, edition, pixelBatchSize,
                new GuardedMetrics(TikTokMetrics.NONE));
    }

    /** The largest request: TikTok rejects 2.0 requests over 1,000 events; the 1.0 cap is configurable. */
    public int maxEventsPerRequest() {
        return edition == ApiEdition.EVENTS_V2 ? TikTokEvents.MAX_EVENTS_PER_REQUEST : pixelBatchSize;
    }

    /** The configured id of a source, or a configuration error naming the setter and environment variable. */
    public String sourceId(EventSource source) {
        if (edition == ApiEdition.PIXEL_V1 && !EventSource.WEB.equals(source)) {
            throw new TikTokConfigurationException("Events API 1.0 (ApiEdition.PIXEL_V1) takes web events only, not "
                    + source.wireValue() + " events; use ApiEdition.EVENTS_V2");
        }
        String id = sourceIds.get(source);
        if (id == null) {
            throw new TikTokConfigurationException(missingSourceMessage(source));
        }
        return id;
    }

    static String missingSourceMessage(EventSource source) {
        if (EventSource.WEB.equals(source)) {
            return "No pixel code for web events: set TikTokEvents.builder().pixelCode(...) or the environment variable "
                    + EnvironmentConfig.PIXEL_ID + " (Events Manager > Data Sources > your pixel > Settings: Pixel ID)";
        }
        if (EventSource.APP.equals(source)) {
            return "No TikTok App ID for app events: set TikTokEvents.builder().appId(...)"
                    + " (Events Manager > Data Sources > your app: TikTok App ID)";
        }
        if (EventSource.OFFLINE.equals(source)) {
            return "No offline event set id for offline events: set TikTokEvents.builder().offlineEventSetId(...)"
                    + " (Events Manager > Data Sources > your offline event set)";
        }
        if (EventSource.CRM.equals(source)) {
            return "No CRM event set id for CRM events: set TikTokEvents.builder().crmEventSetId(...)"
                    + " (Events Manager > Data Sources > your CRM event set)";
        }
        // a source this version does not list (EventSource.of): only the generic setter takes its id
        return "No event_source_id for " + source.wireValue() + " events: set TikTokEvents.builder().sourceId(EventSource.of(\""
                + source.wireValue() + "\"), ...)";
    }

    @Override
    public String toString() {
        return "ClientSettings{accessToken=***, sourceIds=" + sourceIds + ", testEventCode=" + testEventCode
                + ", partnerName=" + partnerName + ", apiVersion=" + apiVersion + ", baseUrl=" + UrlText.withoutCredentials(baseUrl)
                + ", edition=" + edition + ", pixelBatchSize=" + pixelBatchSize + '}';
    }
}
