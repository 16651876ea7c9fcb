package io.github.tiktokevents;

import io.github.tiktokevents.event.Ad;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.User;

/**
 * Which TikTok endpoints a {@link TikTokEvents} client sends to. Both are fed from the same {@link Event} model.
 */
public enum ApiEdition {
    /** Events API 2.0, {@code POST /open_api/{version}/event/track/}: web, app, offline and CRM events. The default. */
    EVENTS_V2,
    /**
     * Events API 1.0, {@code /pixel/track/} for one event and {@code /pixel/batch/} for several: web events only.
     * TikTok announced its sunset; use it only if your pixel is still on it.
     *
     * <p>1.0 has fewer fields than 2.0, so some of an {@link Event} cannot be sent: only the first email, phone and
     * external id go (as {@code context.user}); {@code content_ids} go as contents with just their id; a content's
     * brand, the {@link Ad} (other than the click id, taken from {@link User} {@code ttclid}), the app, the lead and
     * {@code limited_data_use} have no 1.0 field and are left out.
     */
    PIXEL_V1
}
