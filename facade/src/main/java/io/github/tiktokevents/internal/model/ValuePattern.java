package io.github.tiktokevents.internal.model;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A spec {@code pattern} checked by a generated setter. The common shape {@code ^[A-Z]{3}$} (one character class, a
 * fixed or bounded count) is checked by a loop that allocates nothing, because it runs for every event; any other
 * pattern goes through {@link Pattern}. Messages name the field and the pattern, never the value.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class ValuePattern {
    private static final Pattern SIMPLE = Pattern.compile("\\^\\[((?:[^\\]\\\\]-[^\\]\\\\]|[^\\]\\\\-])+)]\\{(\\d+)(?:,(\\d+))?}\\$");

    private final Pattern pattern;
    /** Pairs of inclusive ranges of the one character class, or null when the pattern is not the simple shape. */
    private final char[] ranges;
    private final int min;
    private final int max;

    private ValuePattern(Pattern pattern, char[] ranges, int min, int max) {
        this.pattern = pattern;
        this.ranges = ranges;
        this.min = min;
        this.max = max;
    }

    /**
     * Compiles a spec pattern.
     *
     * @param regex the schema's {@code pattern}
     * @return the check
     */
    public static ValuePattern of(String regex) {
        Pattern pattern = Pattern.compile(regex);
        Matcher simple = SIMPLE.matcher(regex);
        if (!simple.matches()) {
            return new ValuePattern(pattern, null, 0, 0);
        }
        String set = simple.group(1);
        StringBuilder pairs = new StringBuilder();
        for (int i = 0; i < set.length(); i++) {
            if (i + 2 < set.length() && set.charAt(i + 1) == '-') {
                pairs.append(set.charAt(i)).append(set.charAt(i + 2));
                i += 2;
            } else {
                pairs.append(set.charAt(i)).append(set.charAt(i));
            }
        }
        int min = Integer.parseInt(simple.group(2));
        int max = simple.group(3) == null ? min : Integer.parseInt(simple.group(3));
        return new ValuePattern(pattern, pairs.toString().toCharArray(), min, max);
    }

    /**
     * Checks a value.
     *
     * @param value the value, or null (absent)
     * @param field the field name
     * @return the value
     * @throws TikTokValidationException if it is present and does not match
     */
    public String check(String value, String field) {
        if (value != null && !(ranges != null ? matchesSimple(value) : pattern.matcher(value).find())) {
            throw new TikTokValidationException(field, "does not match the pattern " + pattern.pattern());
        }
        return value;
    }

    private boolean matchesSimple(String value) {
        int length = value.length();
        if (length < min || length > max) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!inClass(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private boolean inClass(char c) {
        for (int i = 0; i < ranges.length; i += 2) {
            if (c >= ranges[i] && c <= ranges[i + 1]) {
                return true;
            }
        }
        return false;
    }
}
