package io.github.tiktokevents.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A UTC clock a test moves by hand, so ages, leases and health windows are exact and nothing waits on real time.
 * Safe to read from other threads while the test advances it.
 *
 * <pre>{@code
 * MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
 * clock.advance(Duration.ofMinutes(5));
 * }</pre>
 */
public final class MutableClock extends Clock {
    private volatile Instant now;

    /**
     * A clock standing at {@code start}.
     *
     * @param start the first instant it tells
     */
    public MutableClock(Instant start) {
        this.now = start;
    }

    /**
     * Moves the clock forward (or back, with a negative duration).
     *
     * @param by how far
     */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    /**
     * Always UTC.
     *
     * @return {@link ZoneOffset#UTC}
     */
    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /**
     * This same clock: its zone does not matter to the tests, only its instant.
     *
     * @param zone ignored
     * @return this clock
     */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    /**
     * The instant the clock stands at.
     *
     * @return the current instant of this clock
     */
    @Override
    public Instant instant() {
        return now;
    }
}
