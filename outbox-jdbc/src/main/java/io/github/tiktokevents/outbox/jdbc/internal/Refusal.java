package io.github.tiktokevents.outbox.jdbc.internal;

/**
 * TikTok's refusal of one row, to keep with it.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param id the row
 * @param code TikTok's code, or -1 when the refusal had none
 * @param message what was wrong; not null
 * @param requestId TikTok's request id; may be null
 * @param refusedAtMillis when, Unix epoch milliseconds
 */
public record Refusal(long id, long code, String message, String requestId, long refusedAtMillis) {
}
