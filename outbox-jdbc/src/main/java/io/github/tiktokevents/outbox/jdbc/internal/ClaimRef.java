package io.github.tiktokevents.outbox.jdbc.internal;

/**
 * A claimed row and the token its claim wrote.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param id the row
 * @param token the claim's token
 */
public record ClaimRef(long id, String token) {
}
