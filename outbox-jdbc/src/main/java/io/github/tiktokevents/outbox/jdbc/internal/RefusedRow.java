package io.github.tiktokevents.outbox.jdbc.internal;

/**
 * A row TikTok refused for good, kept with TikTok's answer until the user takes it.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param id the row's id
 * @param source the event's source, as on the wire
 * @param eventId the event's {@code event_id}
 * @param payload the event's stored bytes
 * @param refusedAtMillis when it was refused, Unix epoch milliseconds
 * @param code TikTok's code as text, or the SDK's error type when TikTok gave none; may be null
 * @param message TikTok's message, or the SDK's; may be null
 * @param requestId TikTok's request id; null when there was none
 */
public record RefusedRow(long id, String source, String eventId, byte[] payload, long refusedAtMillis, String code,
                         String message, String requestId) {
}
