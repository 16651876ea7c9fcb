package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetrierTest {
    private static final RetryPolicy POLICY = RetryPolicy.builder()
            .maxAttempts(3).initialDelay(Duration.ofMillis(100)).multiplier(3.0).build();

    private final DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
    private final Retrier retrier = new Retrier(POLICY, scheduler, () -> 0.0, null);
    private final List<CompletableFuture<String>> attempts = new ArrayList<>();

    @AfterEach
    void clearInterruptFlag() {
        Thread.interrupted();
    }

    /** Each attempt returns a future the test completes. */
    private Supplier<CompletableFuture<String>> pendingAttempts() {
        return () -> {
            CompletableFuture<String> attempt = new CompletableFuture<>();
            attempts.add(attempt);
            return attempt;
        };
    }

    private static Throwable failureOf(CompletableFuture<?> future) {
        try {
            future.get();
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void retriesRetryableFailuresAfterTheBackoffAndReturnsTheFirstSuccess() {
        CompletableFuture<String> result = retrier.call(pendingAttempts());
        assertThat(attempts).hasSize(1);

        attempts.get(0).completeExceptionally(new ServerException(50000, "busy", "r", 200, null));
        scheduler.advance(Duration.ofMillis(99));
        assertThat(attempts).hasSize(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(attempts).hasSize(2);

        attempts.get(1).completeExceptionally(new TikTokTransportException("timeout", null));
        scheduler.advance(Duration.ofMillis(299));
        assertThat(attempts).hasSize(2);
        scheduler.advance(Duration.ofMillis(1));
        attempts.get(2).complete("ok");

        assertThat(result).isCompletedWithValue("ok");
    }

    @Test
    void nonRetryableFailuresAreReturnedAtOnce() {
        InvalidRequestException invalid = new InvalidRequestException(40002, "bad", "r", 200, null);
        CompletableFuture<String> result = retrier.call(() -> CompletableFuture.failedFuture(invalid));
        scheduler.runAll();
        assertThat(failureOf(result)).isSameAs(invalid);
    }

    @Test
    void theLastFailureIsReturnedWhenAttemptsRunOut() {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<String> result = retrier.call(() -> CompletableFuture.failedFuture(
                new ServerException(50000, "busy #" + calls.incrementAndGet(), "r", 200, null)));
        scheduler.runAll();
        assertThat(calls).hasValue(3);
        assertThat(failureOf(result)).isInstanceOf(ServerException.class).hasMessageContaining("busy #3");
    }

    @Test
    void aSynchronousThrowIsAFailedAttempt() {
        AtomicInteger calls = new AtomicInteger();
        CompletableFuture<String> result = retrier.call(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new TikTokTransportException("refused", null);
            }
            return CompletableFuture.completedFuture("second time");
        });
        scheduler.runAll();
        assertThat(result).isCompletedWithValue("second time");
    }

    @Test
    void cancellingTheResultStopsRetriesAndCancelsTheAttemptInProgress() {
        CompletableFuture<String> result = retrier.call(pendingAttempts());
        attempts.get(0).completeExceptionally(new ServerException(50000, "busy", "r", 200, null));
        result.cancel(true);
        scheduler.runAll();
        assertThat(attempts).hasSize(1);

        CompletableFuture<String> second = retrier.call(pendingAttempts());
        second.cancel(true);
        assertThat(attempts.get(1)).isCancelled();
    }

    @Test
    void attemptTimeoutTurnsAHangIntoARetryableTimeout() {
        Retrier withTimeout = new Retrier(RetryPolicy.none(), scheduler, () -> 0.0, Duration.ofSeconds(5));
        CompletableFuture<String> result = withTimeout.call(pendingAttempts());
        scheduler.advance(Duration.ofSeconds(5));
        assertThat(failureOf(result)).isInstanceOf(TikTokTransportException.class);
        assertThat(attempts.get(0)).isCancelled();
    }

    @Test
    void closeFailsWhatIsStillRunning() {
        CompletableFuture<String> result = retrier.call(pendingAttempts());
        retrier.close();
        assertThat(failureOf(result)).isInstanceOf(TikTokException.class).hasMessageContaining("closed");
        assertThat(attempts.get(0)).isCancelled();
        assertThat(failureOf(retrier.call(pendingAttempts()))).hasMessageContaining("closed");
    }

    @Test
    void awaitRethrowsTheTypedFailure() {
        RateLimitException limited = new RateLimitException(40100, "slow", "r", 429, null);
        assertThatThrownBy(() -> Retrier.await(CompletableFuture.failedFuture(limited))).isSameAs(limited);
        assertThat(Retrier.await(CompletableFuture.completedFuture("v"))).isEqualTo("v");
    }

    @Test
    void anInterruptedAwaitCancelsTheRequestAndKeepsTheInterruptFlag() {
        CompletableFuture<String> never = new CompletableFuture<>();
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> Retrier.await(never))
                .isInstanceOf(TikTokException.class).hasMessageContaining("Interrupted");
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
        assertThat(never).isCancelled();
    }
}
