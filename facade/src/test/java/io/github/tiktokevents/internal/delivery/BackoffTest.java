package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final RetryPolicy POLICY = RetryPolicy.builder()
            .maxAttempts(6)
            .initialDelay(Duration.ofMillis(100))
            .multiplier(2.0)
            .maxDelay(Duration.ofMillis(1000))
            .jitter(0.5)
            .maxElapsed(Duration.ofSeconds(10))
            .maxRetryAfter(Duration.ofSeconds(3))
            .build();

    private static final TikTokException SERVER = new ServerException(50000, "busy", "r1", 200, null);

    private static Optional<Duration> delay(int attemptsMade, TikTokException error, double random) {
        return Backoff.delayBeforeRetry(POLICY, attemptsMade, Duration.ZERO, error, random);
    }

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        assertThat(delay(1, SERVER, 0.0)).contains(Duration.ofMillis(100));
        assertThat(delay(2, SERVER, 0.0)).contains(Duration.ofMillis(200));
        assertThat(delay(3, SERVER, 0.0)).contains(Duration.ofMillis(400));
        assertThat(delay(4, SERVER, 0.0)).contains(Duration.ofMillis(800));
        assertThat(delay(5, SERVER, 0.0)).contains(Duration.ofMillis(1000));
    }

    @Test
    void jitterShortensTheDelayByAtMostTheConfiguredFraction() {
        assertThat(delay(3, SERVER, 0.5)).contains(Duration.ofMillis(300));
        assertThat(delay(3, SERVER, 0.999_999_999).orElseThrow()).isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }

    @Test
    void hugeAttemptNumbersDoNotOverflow() {
        RetryPolicy many = RetryPolicy.builder().maxAttempts(10_000).maxElapsed(Duration.ofDays(365)).build();
        assertThat(Backoff.delayBeforeRetry(many, 5_000, Duration.ZERO, SERVER, 0.0)).contains(many.maxDelay());
    }

    @Test
    void retryAfterIsHonouredWhenLongerThanTheBackoff() {
        TikTokException limited = new RateLimitException(40100, "slow down", "r2", 429, Duration.ofMillis(2500));
        assertThat(delay(1, limited, 0.0)).contains(Duration.ofMillis(2500));
    }

    @Test
    void retryAfterShorterThanTheBackoffDoesNotShortenIt() {
        TikTokException limited = new RateLimitException(40100, "slow down", "r2", 429, Duration.ofMillis(10));
        assertThat(delay(4, limited, 0.0)).contains(Duration.ofMillis(800));
    }

    @Test
    void retryAfterIsCappedByMaxRetryAfter() {
        TikTokException limited = new RateLimitException(40100, "slow down", "r2", 429, Duration.ofHours(1));
        assertThat(delay(1, limited, 0.0)).contains(Duration.ofSeconds(3));
    }

    @Test
    void nonRetryableFailuresAreNotRetried() {
        TikTokException invalid = new InvalidRequestException(40002, "bad field", "r3", 200, null);
        assertThat(delay(1, invalid, 0.0)).isEmpty();
        assertThat(delay(1, new AuthenticationException(40105, "token", "r4", 200, null), 0.0)).isEmpty();
        assertThat(delay(1, new TikTokValidationException("user.email", "not an email"), 0.0)).isEmpty();
    }

    @Test
    void transportFailuresAreRetried() {
        assertThat(delay(1, new TikTokTransportException("timeout", null), 0.0)).contains(Duration.ofMillis(100));
    }

    @Test
    void stopsAfterMaxAttempts() {
        assertThat(delay(5, SERVER, 0.0)).isPresent();
        assertThat(delay(6, SERVER, 0.0)).isEmpty();
        assertThat(Backoff.delayBeforeRetry(RetryPolicy.none(), 1, Duration.ZERO, SERVER, 0.0)).isEmpty();
    }

    @Test
    void stopsWhenTheWaitWouldEndPastMaxElapsed() {
        assertThat(Backoff.delayBeforeRetry(POLICY, 1, Duration.ofMillis(9900), SERVER, 0.0)).contains(Duration.ofMillis(100));
        assertThat(Backoff.delayBeforeRetry(POLICY, 1, Duration.ofMillis(9901), SERVER, 0.0)).isEmpty();
        TikTokException limited = new RateLimitException(40100, "slow down", "r2", 429, Duration.ofSeconds(3));
        assertThat(Backoff.delayBeforeRetry(POLICY, 1, Duration.ofSeconds(8), limited, 0.0)).isEmpty();
    }
}
