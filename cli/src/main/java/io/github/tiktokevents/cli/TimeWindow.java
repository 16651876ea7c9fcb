package io.github.tiktokevents.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The event times TikTok takes for a source: offline events at most 28 days old, no source in the future (beyond
 * a small allowance for clock skew). Rows outside are refused, not sent, unless the user overrides the window.
 */
final class TimeWindow {
    /** TikTok's window for offline events. */
    static final Duration OFFLINE_MAX_AGE = Duration.ofDays(28);
    /** Clock skew tolerated between the machine that wrote the file and this one. */
    static final Duration FUTURE_ALLOWANCE = Duration.ofMinutes(10);

    private final Clock clock;
    private final Duration maxAge;
    private final String maxAgeReason;
    private final boolean enforced;
    private final boolean undatedAreNow;

    /**
     * Creates the window.
     *
     * @param clock now
     * @param maxAge the oldest accepted age, or null for none
     * @param maxAgeReason what the age comes from, for the message (such as "the offline window")
     * @param enforced false to check nothing (the override flag)
     */
    TimeWindow(Clock clock, Duration maxAge, String maxAgeReason, boolean enforced) {
        this(clock, maxAge, maxAgeReason, enforced, false);
    }

    /**
     * Creates the window.
     *
     * @param clock now
     * @param maxAge the oldest accepted age, or null for none
     * @param maxAgeReason what the age comes from, for the message (such as "the offline window")
     * @param enforced false to check nothing (the override flag)
     * @param undatedAreNow true when a row without a time is sent as happening at upload time ({@code --time-if-missing
     *                      now}); false when it is refused
     */
    TimeWindow(Clock clock, Duration maxAge, String maxAgeReason, boolean enforced, boolean undatedAreNow) {
        this.clock = clock;
        this.maxAge = maxAge;
        this.maxAgeReason = maxAgeReason;
        this.enforced = enforced;
        this.undatedAreNow = undatedAreNow;
    }

    /** Whether a row without a time is sent as happening now, rather than refused. */
    boolean undatedAreNow() {
        return undatedAreNow;
    }

    /**
     * Checks an event time.
     *
     * @throws RowRejectedException if it is too old or in the future
     */
    void check(Instant time) {
        if (!enforced) {
            return;
        }
        Instant now = clock.instant();
        if (time.isAfter(now.plus(FUTURE_ALLOWANCE))) {
            throw new RowRejectedException("event_time", "is in the future (--ignore-time-window sends it anyway)");
        }
        if (maxAge != null && time.isBefore(now.minus(maxAge))) {
            throw new RowRejectedException("event_time", "is more than " + maxAge.toDays() + " days old ("
                    + maxAgeReason + "; --ignore-time-window sends it anyway)");
        }
    }

    /** A description for the summary, such as "at most 28 days old (the offline window), not in the future". */
    String describe() {
        if (!enforced) {
            return "not checked";
        }
        return (maxAge == null ? "" : "at most " + maxAge.toDays() + " days old (" + maxAgeReason + "), ")
                + "not in the future";
    }
}
