package io.github.tiktokevents;

/**
 * How much of each HTTP exchange a {@link TikTokEvents} client logs. Off by default. The {@code Access-Token}
 * header is always redacted.
 */
public enum HttpLogLevel {
    /** Nothing (the default). */
    NONE,
    /** Request line, response status and timing. */
    BASIC,
    /** {@link #BASIC} plus headers, with {@code Access-Token} redacted. */
    HEADERS,
    /**
     * {@link #HEADERS} plus bodies. Bodies hold hashed identifiers but also raw IP addresses, user agents and
     * click ids: use for debugging only.
     */
    BODY
}
