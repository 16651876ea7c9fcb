package io.github.tiktokevents.emulator;

import java.util.Optional;

/**
 * The three TikTok Events API endpoints the emulator serves, all {@code POST /open_api/{version}/...}.
 *
 * <pre>{@code
 * String url = emulator.baseUrl() + Endpoint.EVENT_TRACK.path("v1.3"); // .../open_api/v1.3/event/track/
 * }</pre>
 */
public enum Endpoint {
    /** Events API 2.0: web, app, offline and CRM events, 1 to 1,000 per request in {@code data}. */
    EVENT_TRACK("event/track", "EventTrackRequest", "data"),
    /** Events API 1.0: one pixel event; the request body is the event. */
    PIXEL_TRACK("pixel/track", "PixelTrackRequest", null),
    /** Events API 1.0: several pixel events in {@code batch}. */
    PIXEL_BATCH("pixel/batch", "PixelBatchRequest", "batch");

    /** The API version TikTok's current integrations use, and the one {@link #path()} fills in. */
    public static final String CURRENT_VERSION = "v1.3";

    private final String suffix;
    private final String schemaName;
    private final String eventsField;

    Endpoint(String suffix, String schemaName, String eventsField) {
        this.suffix = suffix;
        this.schemaName = schemaName;
        this.eventsField = eventsField;
    }

    /**
     * The request path for an API version.
     *
     * @param version the API version, such as {@code v1.3}
     * @return the path, such as {@code /open_api/v1.3/event/track/}
     */
    public String path(String version) {
        return "/open_api/" + version + "/" + suffix + "/";
    }

    /**
     * The request path for the {@link #CURRENT_VERSION}.
     *
     * @return the path, such as {@code /open_api/v1.3/event/track/}
     */
    public String path() {
        return path(CURRENT_VERSION);
    }

    /** The name of the request schema in the spec's {@code components/schemas}. */
    String schemaName() {
        return schemaName;
    }

    /** The JSON field holding the events, or empty when the body itself is the one event. */
    Optional<String> eventsField() {
        return Optional.ofNullable(eventsField);
    }

    /** The path after {@code /open_api/{version}/}, without slashes around it. */
    String suffix() {
        return suffix;
    }
}
