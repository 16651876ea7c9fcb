package io.github.tiktokevents.outbox.jdbc.internal;

/**
 * One pending row a relay claimed.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param id the row's id, in insertion order
 * @param source the event's source, as on the wire ({@code web}, {@code app}, {@code offline}, {@code crm})
 * @param eventId the event's {@code event_id}
 * @param edition the API edition the payload is written for
 * @param payload the event's stored bytes
 * @param attempts how many times the row has been claimed, this claim included
 * @param claimToken what this claim wrote in {@code claimed_by}; a release only frees rows still holding it
 */
public record StoredRow(long id, String source, String eventId, String edition, byte[] payload, int attempts,
                        String claimToken) {
}
