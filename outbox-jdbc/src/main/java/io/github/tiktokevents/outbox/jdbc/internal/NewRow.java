package io.github.tiktokevents.outbox.jdbc.internal;

/**
 * A row to write.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param source the event's source, as on the wire
 * @param eventId the event's {@code event_id}
 * @param edition the API edition the payload is written for ({@code EVENTS_V2} or {@code PIXEL_V1})
 * @param payload the event's bytes to store
 */
public record NewRow(String source, String eventId, String edition, byte[] payload) {
}
