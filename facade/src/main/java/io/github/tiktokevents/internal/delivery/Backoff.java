package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import java.time.Duration;
import java.util.Optional;

/** Decides whether a failed request is retried and how long to wait first, following a {@link RetryPolicy}. */
final class Backoff {
    private Backoff() {
    }

    /**
     * The wait before the next attempt, or empty when the failure is final.
     *
     * @param policy the retry policy
     * @param attemptsMade attempts made so far, the failed one included (at least 1)
     * @param elapsed time since the first attempt
     * @param error the failure of the last attempt
     * @param random a value in [0, 1) that picks the jitter
     * @return the wait, or empty: not retryable, out of attempts, or the wait would end past {@code maxElapsed}
     */
    static Optional<Duration> delayBeforeRetry(RetryPolicy policy, int attemptsMade, Duration elapsed,
                                               TikTokException error, double random) {
        if (!error.isRetryable() || attemptsMade >= policy.maxAttempts()) {
            return Optional.empty();
        }
        // In capped nanoseconds throughout, so that "infinite" settings or a huge Retry-After cannot overflow.
        long delay = jittered(policy, exponentialNanos(policy, attemptsMade), random);
        Duration requested = requestedDelay(error);
        if (requested != null) {
            long honoured = Math.min(Durations.saturatedNanos(requested),
                    Durations.saturatedNanos(policy.maxRetryAfter()));
            delay = Math.max(delay, honoured);
        }
        if (Durations.saturatedNanos(elapsed) + delay > Durations.saturatedNanos(policy.maxElapsed())) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofNanos(delay));
    }

    /** {@code min(maxDelay, initialDelay * multiplier^(attemptsMade-1))}, computed without overflow. */
    static Duration exponential(RetryPolicy policy, int attemptsMade) {
        return Duration.ofNanos(exponentialNanos(policy, attemptsMade));
    }

    private static long exponentialNanos(RetryPolicy policy, int attemptsMade) {
        double nanos = Durations.saturatedNanos(policy.initialDelay())
                * Math.pow(policy.multiplier(), attemptsMade - 1);
        long cap = Durations.saturatedNanos(policy.maxDelay());
        return nanos >= cap ? cap : (long) nanos;
    }

    private static long jittered(RetryPolicy policy, long baseNanos, double random) {
        double r = Math.min(Math.max(random, 0.0), 1.0);
        // min: near the cap, the double product can round above the base it was computed from
        return Math.min(baseNanos, (long) (baseNanos * (1.0 - policy.jitter() * r)));
    }

    private static Duration requestedDelay(TikTokException error) {
        if (error instanceof TikTokApiException) {
            Duration retryAfter = ((TikTokApiException) error).retryAfter().orElse(null);
            if (retryAfter != null && !retryAfter.isNegative()) {
                return retryAfter;
            }
        }
        return null;
    }
}
