package io.github.tiktokevents.internal.model;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The checks the generated builders apply from the spec's keywords ({@code pattern}, {@code minimum},
 * {@code x-tiktok-normalise}), and the event id default. Messages name the field and the rule, never the value.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class Values {
    private static final int MAX_DECIMAL_PLACES = 20;
    private Values() {
    }

    /**
     * An optional text value as the builders keep it: null, empty or only white space is absent (values often come
     * from databases); otherwise stripped of surrounding white space and checked to hold no control character (tab
     * and line breaks inside are fine) and no unpaired UTF-16 surrogate, which have no faithful form on the wire.
     *
     * @param value the value, or null
     * @param field the field name, for the error message
     * @return the stripped value, or null when absent
     * @throws TikTokValidationException if it holds a control character or an unpaired surrogate
     */
    public static String text(String value, String field) {
        if (value == null) {
            return null;
        }
        String stripped = value.strip(); // the same String when there is nothing to strip
        if (stripped.isEmpty()) {
            return null;
        }
        checkCharacters(stripped, field);
        return stripped;
    }

    /**
     * Checks a value holds no control character but tab, line feed and carriage return, and no unpaired UTF-16
     * surrogate: {@code eventId("\0")} must not become an empty id shared with other events, nor a lone surrogate a
     * {@code ?}.
     *
     * @param value the value
     * @param field the field name, for the error message
     * @throws TikTokValidationException if it holds one
     */
    public static void checkCharacters(String value, String field) {
        check(value, field, true);
    }

    /**
     * Checks a value holds no unpaired UTF-16 surrogate, which UTF-8 cannot carry (it would be sent as {@code ?}).
     *
     * @param value the value
     * @param field the field name, for the error message
     * @throws TikTokValidationException if it holds one
     */
    public static void checkUnicode(String value, String field) {
        check(value, field, false);
    }

    private static void check(String value, String field, boolean controls) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (controls && (c < 0x20 ? c != '\t' && c != '\n' && c != '\r' : c >= 0x7f && c <= 0x9f)) {
                throw new TikTokValidationException(field, "contains a control character (U+"
                        + String.format(Locale.ROOT, "%04X", (int) c) + ")");
            }
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw new TikTokValidationException(field, "contains an unpaired UTF-16 surrogate (not valid Unicode text)");
                }
            }
        }
    }

    /**
     * Applies an {@code x-tiktok-normalise} rule to an optional text value (see {@link #text(String, String)}).
     *
     * @param rule {@code upper-case} or {@code lower-case}
     * @param value the value, or null
     * @param field the field name, for the error message
     * @return the value stripped and re-cased, or null when absent
     * @throws TikTokValidationException if it holds a control character or an unpaired surrogate
     */
    public static String normalise(String rule, String value, String field) {
        String text = text(value, field);
        if (text == null) {
            return null;
        }
        switch (rule) {
            case "upper-case":
                return text.toUpperCase(Locale.ROOT);
            case "lower-case":
                return text.toLowerCase(Locale.ROOT);
            default:
                throw new IllegalStateException("No x-tiktok-normalise rule '" + rule + "'");
        }
    }

    /**
     * Checks an integer against the spec's {@code minimum}.
     *
     * @param value the value
     * @param minimum the smallest allowed value
     * @param field the field name
     * @throws TikTokValidationException if it is smaller
     */
    public static void atLeast(long value, long minimum, String field) {
        if (value < minimum) {
            throw new TikTokValidationException(field, minimum == 0 ? "is negative" : "is less than " + minimum);
        }
    }

    /**
     * Checks a number is finite and not below the spec's {@code minimum}.
     *
     * @param value the value
     * @param minimum the smallest allowed value ({@code -Infinity} when the spec sets none)
     * @param field the field name
     * @return the value
     * @throws TikTokValidationException if it is NaN, infinite or smaller
     */
    public static double finite(double value, double minimum, String field) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new TikTokValidationException(field, "is not a finite number");
        }
        if (value < minimum) {
            throw new TikTokValidationException(field, minimum == 0 ? "is negative" : "is less than " + minimum);
        }
        return value;
    }

    /**
     * Checks a number given as a {@code BigDecimal}, sent as given: within the range of a double (so its double
     * view exists), not below the spec's {@code minimum}, and at most {@value #MAX_DECIMAL_PLACES} decimal places
     * (its plain form stays short; an amount has never needed more).
     *
     * @param value the value, or null (absent)
     * @param minimum the smallest allowed value ({@code -Infinity} when the spec sets none)
     * @param field the field name
     * @return the value, or null
     * @throws TikTokValidationException if it is out of range
     */
    public static BigDecimal exact(BigDecimal value, double minimum, String field) {
        if (value == null) {
            return null;
        }
        if (Double.isInfinite(value.doubleValue())) {
            throw new TikTokValidationException(field, "is too large");
        }
        if (value.scale() > MAX_DECIMAL_PLACES) {
            value = value.stripTrailingZeros(); // the same number, without zeros that only lengthen it
            if (value.scale() > MAX_DECIMAL_PLACES) {
                throw new TikTokValidationException(field, "has more than " + MAX_DECIMAL_PLACES + " decimal places");
            }
        }
        if (minimum != Double.NEGATIVE_INFINITY && value.compareTo(BigDecimal.valueOf(minimum)) < 0) {
            throw new TikTokValidationException(field, minimum == 0 ? "is negative" : "is less than " + minimum);
        }
        return value;
    }

    /**
     * Checks the first argument of an {@code of(...)} shortcut.
     *
     * @param value the value
     * @param field the field name
     * @throws TikTokValidationException if it is null or blank, or holds a control character or unpaired surrogate
     */
    public static void requireText(String value, String field) {
        if (text(value, field) == null) {
            throw new TikTokValidationException(field, value == null ? "is null" : "is blank");
        }
    }

    /**
     * A random (version 4) UUID from a fast non-cryptographic source: unique enough for deduplication, not secret.
     *
     * @return the id
     */
    public static String randomEventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }
}
