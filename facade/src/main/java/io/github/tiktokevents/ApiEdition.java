package io.github.tiktokevents;

/**
 * Which TikTok endpoints a {@link TikTokEvents} client sends to. Both are fed from the same {@link Event} model.
 */
public enum ApiEdition {
    /** Events API 2.0, {@code POST /open_api/{version}/event/track/}: web, app, offline and CRM events. The default. */
    EVENTS_V2,
    /**
     * Events API 1.0, {@code /pixel/track/} for one event and {@code /pixel/batch/} for several: web events only.
     * TikTok announced its sunset; use it only if your pixel is still on it.
     */
    PIXEL_V1
}
