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
     * Applies an {@code x-tiktok-normalise} rule.
     *
     * @param rule {@code upper-case} or {@code lower-case}
     * @param value the value, or null
     * @return the value trimmed and re-cased, or null
     */
    public static String normalise(String rule, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        switch (rule) {
            case "upper-case":
                return trimmed.toUpperCase(Locale.ROOT);
            case "lower-case":
                return trimmed.toLowerCase(Locale.ROOT);
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
     * @throws TikTokValidationException if it is null or blank
     */
    public static void requireText(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new TikTokValidationException(field, "is blank");
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
