package io.github.tiktokevents.outbox.jdbc.internal;

/**
 * A row TikTok refused for good, kept with TikTok's answer until the user takes it.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param id the row's id
 * @param source the event's source, as on the wire
 * @param eventId the event's {@code event_id}
 * @param edition the API edition the payload is written for
 * @param payload the event's stored bytes
 * @param refusedAtMillis when it was refused, Unix epoch milliseconds
 * @param code TikTok's code, or -1 when the refusal had none
 * @param message what was wrong
 * @param requestId TikTok's request id; null when there was none
 */
public record RefusedRow(long id, String source, String eventId, String edition, byte[] payload,
                         long refusedAtMillis, long code, String message, String requestId) {
}
