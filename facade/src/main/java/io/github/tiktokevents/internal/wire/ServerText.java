package io.github.tiktokevents.internal.wire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes text that a server sent back (TikTok's message and request id, a redirect's target, a partial success's
 * {@code data}, a malformed status line) safe to put into an exception message, a {@code toString()}, a log line or
 * a listener call: the access token is cut out wherever it is echoed, control and invisible formatting characters
 * (which could forge log lines or reorder text) become {@code ?}, and the length is bounded. Whoever answers the
 * SDK, a proxy or an attacker in the middle included, decides these bytes, so they are never shown as they came.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class ServerText {
    /** The most characters of one server-supplied value that the SDK shows. */
    public static final int MAX_CHARS = 200;

    private ServerText() {
    }

    /**
     * Cleans one value.
     *
     * @param text what the server sent, or null
     * @param secret the access token, cut out wherever it appears; null or empty for none
     * @return the cleaned text, at most {@link #MAX_CHARS} characters plus a note of how many were left out; null
     *         for null
     */
    public static String clean(String text, String secret) {
        return clean(text, secret, MAX_CHARS);
    }

    /**
     * Cleans one value to a given bound, for longer text such as the prefix of a body in an HTTP log.
     *
     * @param text what the server sent, or null
     * @param secret the access token, cut out wherever it appears; null or empty for none
     * @param maxChars the most characters shown
     * @return the cleaned text; null for null
     */
    public static String clean(String text, String secret, int maxChars) {
        if (text == null) {
            return null;
        }
        String redacted = secret == null || secret.isEmpty() ? text : text.replace(secret, "***");
        int shown = Math.min(redacted.length(), maxChars);
        StringBuilder out = new StringBuilder(shown + 24);
        for (int i = 0; i < shown; i++) {
            char c = redacted.charAt(i);
            out.append(isSafe(redacted, i, shown) ? c : '?');
        }
        if (redacted.length() > shown) {
            out.append("...(").append(redacted.length() - shown).append(" more characters)");
        }
        return out.toString();
    }

    /**
     * Cleans every string (keys included) of a value read from JSON: maps, lists, strings, numbers, booleans.
     *
     * @param value the value, as Gson reads an untyped JSON value
     * @param secret the access token
     * @return a cleaned copy; numbers, booleans and nulls as they were
     */
    public static Object cleanTree(Object value, String secret) {
        if (value instanceof String) {
            return clean((String) value, secret);
        }
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((key, item) -> copy.put(clean(String.valueOf(key), secret), cleanTree(item, secret)));
            return copy;
        }
        if (value instanceof List) {
            List<Object> copy = new ArrayList<>();
            ((List<?>) value).forEach(item -> copy.add(cleanTree(item, secret)));
            return copy;
        }
        return value;
    }

    private static boolean isSafe(String text, int index, int end) {
        char c = text.charAt(index);
        if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                || c == '\u2028' || c == '\u2029') {
            return false;
        }
        if (Character.isHighSurrogate(c)) {
            return index + 1 < end && Character.isLowSurrogate(text.charAt(index + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return index > 0 && Character.isHighSurrogate(text.charAt(index - 1));
        }
        return true;
    }
}
