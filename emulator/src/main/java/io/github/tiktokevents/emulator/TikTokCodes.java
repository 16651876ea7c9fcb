package io.github.tiktokevents.emulator;

/**
 * The TikTok return codes the emulator answers with, in the envelope's {@code code} field.
 *
 * <pre>{@code
 * emulator.faults().next(Fault.code(TikTokCodes.RATE_LIMITED, "Too many requests"));
 * }</pre>
 */
public final class TikTokCodes {
    /** Success. */
    public static final long OK = 0;
    /** Partial success: a success, some events may not have been processed. */
    public static final long PARTIAL_SUCCESS = 20001;
    /** No permission to the event source ({@code event_source_id} or {@code pixel_code}). */
    public static final long NO_PERMISSION = 40001;
    /** An invalid or missing parameter; the message names the field. */
    public static final long INVALID_PARAMETER = 40002;
    /** Requests made too frequently (the rate limit); retry with backoff. */
    public static final long RATE_LIMITED = 40100;
    /** Authentication problem: the {@code Access-Token} header is missing. */
    public static final long ACCESS_TOKEN_MISSING = 40104;
    /** The access token is invalid or incorrect. */
    public static final long ACCESS_TOKEN_INVALID = 40105;
    /** System error; retry with backoff. */
    public static final long SYSTEM_ERROR = 50000;
    /** Service temporarily unavailable; retry with backoff. */
    public static final long SERVICE_UNAVAILABLE = 50002;

    private TikTokCodes() {
    }
}
