package io.github.tiktokevents.event;

import io.github.tiktokevents.ApiEdition;

/**
 * Where an event comes from, which decides the {@code event_source_id} it is sent under and what it must carry.
 * Events API 1.0 ({@link ApiEdition#PIXEL_V1}) takes {@link #WEB} events only.
 */
public enum EventSource {
    /** A website, identified by its pixel code; the event needs a {@link Page}. */
    WEB("web"),
    /** A mobile app, identified by its TikTok App ID; the event needs an {@link App}. Allowlist-only at TikTok. */
    APP("app"),
    /** In-store or other offline sales, identified by an offline event set id. Standard event names only. */
    OFFLINE("offline"),
    /** CRM lead changes, identified by a CRM event set id; the event needs a {@link Lead}. */
    CRM("crm");

    private final String wireValue;

    EventSource(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The value TikTok expects in {@code event_source}.
     *
     * @return {@code web}, {@code app}, {@code offline} or {@code crm}
     */
    public String wireValue() {
        return wireValue;
    }
}
