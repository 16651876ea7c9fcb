package io.github.tiktokevents.emulator;

/**
 * The emulator's normal answer to a request: an HTTP status and TikTok's envelope fields.
 *
 * @param httpStatus the HTTP status
 * @param code the envelope's {@code code}
 * @param message the envelope's {@code message}
 */
record Verdict(int httpStatus, long code, String message) {
    static Verdict ok() {
        return new Verdict(200, TikTokCodes.OK, "OK");
    }

    static Verdict invalid(String message) {
        return new Verdict(200, TikTokCodes.INVALID_PARAMETER, message);
    }

    boolean accepted() {
        return code == TikTokCodes.OK;
    }
}
