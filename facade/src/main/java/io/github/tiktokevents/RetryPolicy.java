package io.github.tiktokevents;

import io.github.tiktokevents.exception.TikTokException;
import java.time.Duration;
import java.util.Objects;

/**
 * When and how often a failed request is sent again. Only failures whose {@link TikTokException#isRetryable()}
 * is true are retried: rate limits (40016, 40100, 40132, 40133, HTTP 429), server errors (50000, 50002, 51065,
 * 40700, HTTP 5xx) and transport failures or timeouts. Everything else fails at once. Retrying cannot create
 * duplicates, because every event carries an {@code event_id} before its first attempt and TikTok deduplicates
 * on it.
 *
 * <p>The wait before retry {@code n} (n = 1 after the first failure) is exponential with jitter:
 * {@code min(maxDelay, initialDelay * multiplier^(n-1))}, shortened by a random fraction of at most
 * {@code jitter} so that many clients do not retry in lockstep. When TikTok sent {@code Retry-After}, the wait
 * is at least that long, capped at {@code maxRetryAfter}. No retry starts once {@code maxAttempts} attempts have
 * been made, or when the wait would end after {@code maxElapsed} from the first attempt.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th></tr>
 *   <tr><td>{@code maxAttempts} (first attempt included)</td><td>5</td></tr>
 *   <tr><td>{@code initialDelay}</td><td>500 ms</td></tr>
 *   <tr><td>{@code multiplier}</td><td>2.0</td></tr>
 *   <tr><td>{@code maxDelay}</td><td>30 s</td></tr>
 *   <tr><td>{@code jitter}</td><td>0.5 (each wait is 50% to 100% of the computed delay)</td></tr>
 *   <tr><td>{@code maxElapsed}</td><td>2 min</td></tr>
 *   <tr><td>{@code maxRetryAfter}</td><td>60 s</td></tr>
 * </table>
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.builder()
 *     .maxAttempts(3)
 *     .maxElapsed(Duration.ofSeconds(20))
 *     .build();
 * }</pre>
 *
 * <p>Durations may be as long as you like: anything beyond about 146 years counts as 146 years, so
 * {@code Duration.ofSeconds(Long.MAX_VALUE)} means "no limit" and never overflows. A wait that would end after
 * {@code maxElapsed} is not made: the request fails at once with its last error.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class RetryPolicy {
    private static final RetryPolicy DEFAULTS = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();

    private final int maxAttempts;
    private final Duration initialDelay;
    private final double multiplier;
    private final Duration maxDelay;
    private final double jitter;
    private final Duration maxElapsed;
    private final Duration maxRetryAfter;

    private RetryPolicy(Builder builder) {
        this.maxAttempts = builder.maxAttempts;
        this.initialDelay = builder.initialDelay;
        this.multiplier = builder.multiplier;
        this.maxDelay = builder.maxDelay;
        this.jitter = builder.jitter;
        this.maxElapsed = builder.maxElapsed;
        this.maxRetryAfter = builder.maxRetryAfter;
    }

    /**
     * The default policy (see the table above).
     *
     * @return the default policy
     */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /**
     * A policy that never retries: every request is attempted once.
     *
     * @return a one-attempt policy
     */
    public static RetryPolicy none() {
        return NONE;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the most attempts per request, the first one included */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** @return the wait before the first retry, before jitter */
    public Duration initialDelay() {
        return initialDelay;
    }

    /** @return the factor by which each further wait grows */
    public double multiplier() {
        return multiplier;
    }

    /** @return the longest computed wait between two attempts, before jitter */
    public Duration maxDelay() {
        return maxDelay;
    }

    /** @return the largest fraction by which jitter shortens a wait, from 0 (none) to 1 */
    public double jitter() {
        return jitter;
    }

    /** @return the time from the first attempt after which no retry starts */
    public Duration maxElapsed() {
        return maxElapsed;
    }

    /** @return the longest {@code Retry-After} the policy honours; longer requests are cut to this */
    public Duration maxRetryAfter() {
        return maxRetryAfter;
    }

    @Override
    public String toString() {
        return "RetryPolicy{maxAttempts=" + maxAttempts + ", initialDelay=" + initialDelay
                + ", multiplier=" + multiplier + ", maxDelay=" + maxDelay + ", jitter=" + jitter
                + ", maxElapsed=" + maxElapsed + ", maxRetryAfter=" + maxRetryAfter + '}';
    }

    /** Builds a {@link RetryPolicy}; starts from the defaults, so set only what differs. Not thread-safe. */
    public static final class Builder {
        private int maxAttempts = 5;
        private Duration initialDelay = Duration.ofMillis(500);
        private double multiplier = 2.0;
        private Duration maxDelay = Duration.ofSeconds(30);
        private double jitter = 0.5;
        private Duration maxElapsed = Duration.ofMinutes(2);
        private Duration maxRetryAfter = Duration.ofSeconds(60);

        private Builder() {
        }

        /**
         * The most attempts per request, the first included; 1 disables retries. Default 5.
         *
         * @param maxAttempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /**
         * The wait before the first retry, before jitter. Default 500 ms.
         *
         * @param initialDelay positive
         * @return this builder
         */
        public Builder initialDelay(Duration initialDelay) {
            this.initialDelay = positive(initialDelay, "initialDelay");
            return this;
        }

        /**
         * The factor by which each further wait grows. Default 2.0.
         *
         * @param multiplier at least 1.0
         * @return this builder
         */
        public Builder multiplier(double multiplier) {
            if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
                throw new IllegalArgumentException("multiplier must be a finite number >= 1.0, was " + multiplier);
            }
            this.multiplier = multiplier;
            return this;
        }

        /**
         * The cap on the computed wait, before jitter. Default 30 s.
         *
         * @param maxDelay positive
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = positive(maxDelay, "maxDelay");
            return this;
        }

        /**
         * The largest fraction by which a wait is randomly shortened: 0 for no jitter, 1 for "full jitter".
         * Default 0.5.
         *
         * @param jitter from 0.0 to 1.0
         * @return this builder
         */
        public Builder jitter(double jitter) {
            if (!(jitter >= 0.0 && jitter <= 1.0)) {
                throw new IllegalArgumentException("jitter must be between 0.0 and 1.0, was " + jitter);
            }
            this.jitter = jitter;
            return this;
        }

        /**
         * The time from a request's first attempt after which no retry starts; bounds how long an event can
         * spend being retried. Default 2 minutes.
         *
         * @param maxElapsed positive
         * @return this builder
         */
        public Builder maxElapsed(Duration maxElapsed) {
            this.maxElapsed = positive(maxElapsed, "maxElapsed");
            return this;
        }

        /**
         * The longest {@code Retry-After} honoured; a longer one is cut to this, so a misbehaving header cannot
         * park events for hours. Default 60 s.
         *
         * @param maxRetryAfter positive
         * @return this builder
         */
        public Builder maxRetryAfter(Duration maxRetryAfter) {
            this.maxRetryAfter = positive(maxRetryAfter, "maxRetryAfter");
            return this;
        }

        /**
         * Builds the policy.
         *
         * @return an immutable policy
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration positive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }
    }
}
