package io.github.tiktokevents.internal.delivery;

import java.time.Duration;

/**
 * Saturating arithmetic on {@link Duration}s, so that no setting, however long ("infinite" as
 * {@code Duration.ofSeconds(Long.MAX_VALUE)}), overflows when it is turned into nanoseconds, added to a clock reading
 * or to another duration. Everything longer than {@link #MAX_NANOS} (about 146 years) counts as that: a wait that
 * long never ends in practice, and it can still be added to {@link System#nanoTime()} or to another capped value.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class Durations {
    /** The longest wait the SDK counts: half the range of a {@code long}, so two capped values add up safely. */
    public static final long MAX_NANOS = Long.MAX_VALUE / 2;

    private Durations() {
    }

    /**
     * A duration in nanoseconds, capped at {@link #MAX_NANOS}; negative durations count as zero.
     *
     * @param duration any duration
     * @return 0 to {@link #MAX_NANOS}
     */
    public static long saturatedNanos(Duration duration) {
        if (duration.isNegative()) {
            return 0L;
        }
        if (duration.getSeconds() >= MAX_NANOS / 1_000_000_000L) {
            return MAX_NANOS;
        }
        return Math.min(duration.toNanos(), MAX_NANOS);
    }

    /**
     * The same duration capped at {@link #MAX_NANOS}.
     *
     * @param duration any duration
     * @return zero to {@link #MAX_NANOS} nanoseconds
     */
    public static Duration saturated(Duration duration) {
        return Duration.ofNanos(saturatedNanos(duration));
    }
}
