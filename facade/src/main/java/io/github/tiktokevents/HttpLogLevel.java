package io.github.tiktokevents;

/**
 * How much of each HTTP exchange a {@link TikTokEvents} client logs. Off by default. The {@code Access-Token}
 * header and any echo of the token are always redacted, and so are credentials in the base URL.
 */
public enum HttpLogLevel {
    /** Nothing (the default). */
    NONE,
    /** Request line, response status and timing. */
    BASIC,
    /** {@link #BASIC} plus headers, with {@code Access-Token} redacted. */
    HEADERS,
    /**
     * {@link #HEADERS} plus the first 4,096 characters of each body. A request body is what TikTok receives: the
     * identifiers the spec hashes are hashed, but everything TikTok takes unhashed is there as given (IP address,
     * user agent, click ids, {@code ttp}, city, state and country, the page URL with its query string, content
     * names, and your additional fields). Use for debugging only, never in production logs.
     */
    BODY
}
