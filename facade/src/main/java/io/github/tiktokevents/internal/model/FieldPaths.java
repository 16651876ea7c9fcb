package io.github.tiktokevents.internal.model;

import java.util.regex.Pattern;

/**
 * Steps of a field path as error messages show them. A map key the caller chose is shown only when it looks like
 * a field name: a map keyed by customers' emails or phone numbers would otherwise put them in the message.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class FieldPaths {
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private FieldPaths() {
    }

    /**
     * The path of a map entry.
     *
     * @param parent the map's path; empty for a top-level entry
     * @param key the entry's key
     * @return {@code parent.key}, or {@code parent.<key>} when the key does not look like a field name
     */
    public static String child(String parent, String key) {
        String step = NAME.matcher(key).matches() ? key : "<key>";
        return parent.isEmpty() ? step : parent + "." + step;
    }
}
