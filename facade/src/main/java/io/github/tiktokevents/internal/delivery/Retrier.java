package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Retries one request by a {@link RetryPolicy}, for the direct {@code send}/{@code sendAsync}/{@code sendBatch}
 * paths. {@link #call} retries an asynchronous request: waits between attempts are timers on a
 * {@link DeliveryScheduler}, so no thread sleeps; the first attempt starts on the caller's thread, later ones on the
 * scheduler's thread. {@link #callBlocking} runs every attempt on the calling thread, which waits for the same
 * timers between them.
 *
 * <pre>{@code
 * Retrier retrier = new Retrier(RetryPolicy.defaults(), new DeliveryThreadScheduler("tiktok-events-retry"));
 * CompletableFuture<BatchResult> answer = retrier.call(() -> transport.sendAsync(request));
 * BatchResult result = Retrier.await(answer); // blocking callers
 * }</pre>
 *
 * <p>The returned future completes with the first success, or exceptionally with the last attempt's
 * {@link TikTokException}. Cancelling it stops the retries and cancels the attempt in progress. Thread-safe.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class Retrier {
    private final RetryPolicy policy;
    private final DeliveryScheduler scheduler;
    private final DoubleSupplier random;
    private final Duration attemptTimeout;
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    public Retrier(RetryPolicy policy, DeliveryScheduler scheduler) {
        this(policy, scheduler, () -> ThreadLocalRandom.current().nextDouble(), null);
    }

    /**
     * Creates a retrier.
     *
     * @param policy when to retry
     * @param scheduler the clock and the timers
     * @param random values in [0, 1) for the jitter
     * @param attemptTimeout a safety-net timeout per attempt (a retryable {@link TikTokTransportException}),
     *                       or null to rely on the transport's own timeouts
     */
    Retrier(RetryPolicy policy, DeliveryScheduler scheduler, DoubleSupplier random, Duration attemptTimeout) {
        this.policy = policy;
        this.scheduler = scheduler;
        this.random = random;
        this.attemptTimeout = attemptTimeout;
    }

    /**
     * Runs {@code attempt} until it succeeds, the failure is not retryable, or the policy's limits are reached.
     *
     * @param attempt starts one request; called once per attempt
     * @param <T> the answer type
     * @return the answer, or the last failure as a {@link TikTokException}
     */
    public <T> CompletableFuture<T> call(Supplier<? extends CompletableFuture<? extends T>> attempt) {
        return call(attempt, retried -> { });
    }

    /**
     * Like {@link #call(Supplier)}, telling {@code onRetry} each failure that is about to be retried.
     *
     * @param attempt starts one request; called once per attempt
     * @param onRetry hears each failure that will be retried, before the wait; must not throw
     * @param <T> the answer type
     * @return the answer, or the last failure as a {@link TikTokException}
     */
    public <T> CompletableFuture<T> call(Supplier<? extends CompletableFuture<? extends T>> attempt,
                                         Consumer<TikTokException> onRetry) {
        CompletableFuture<T> result = new CompletableFuture<>();
        if (closed) {
            result.completeExceptionally(closedError(null));
            return result;
        }
        pending.add(result);
        result.whenComplete((answer, failure) -> pending.remove(result));
        if (closed) {
            // close() ran between the check above and add(): it may not have seen this call
            result.completeExceptionally(closedError(null));
            return result;
        }
        new Attempts<>(attempt, result, onRetry).next();
        return result;
    }

    /**
     * Runs {@code attempt} on the calling thread until it succeeds, the failure is not retryable, or the policy's
     * limits are reached; between attempts the thread waits for a timer of the scheduler.
     *
     * @param attempt makes one request and returns its answer or throws a {@link TikTokException}; it is given a
     *                future that completes when nobody waits any more ({@link #close()}), on which it cancels
     *                its request
     * @param <T> the answer type
     * @return the answer
     * @throws TikTokException the last attempt's failure; or, if the retrier was closed meanwhile, one saying so; or,
     *                         if the thread was interrupted, one saying so with the interrupt flag kept
     */
    public <T> T callBlocking(Function<CompletableFuture<?>, ? extends T> attempt) {
        return callBlocking(attempt, retried -> { });
    }

    /**
     * Like {@link #callBlocking(Function)}, telling {@code onRetry} each failure that is about to be retried.
     *
     * @param attempt makes one request and returns its answer or throws a {@link TikTokException}
     * @param onRetry hears each failure that will be retried, before the wait; must not throw
     * @param <T> the answer type
     * @return the answer
     * @throws TikTokException as {@link #callBlocking(Function)}
     */
    public <T> T callBlocking(Function<CompletableFuture<?>, ? extends T> attempt, Consumer<TikTokException> onRetry) {
        CompletableFuture<T> abandoned = new CompletableFuture<>();
        if (closed) {
            throw closedError(null);
        }
        pending.add(abandoned);
        try {
            if (closed) {
                throw closedError(null); // close() ran between the check above and add(): it may not have seen this call
            }
            long firstAttemptNanos = scheduler.nanoTime();
            for (int attempts = 1; ; attempts++) {
                TikTokException error;
                try {
                    return attempt.apply(abandoned);
                } catch (Throwable failure) {
                    error = DeliveryErrors.toTikTokException(failure);
                }
                if (abandoned.isDone()) {
                    throw closedError(error);
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw error; // the attempt saw the interrupt and says so
                }
                Duration elapsed = Duration.ofNanos(scheduler.nanoTime() - firstAttemptNanos);
                Optional<Duration> delay = Backoff.delayBeforeRetry(policy, attempts, elapsed, error, random.getAsDouble());
                if (delay.isEmpty()) {
                    throw error;
                }
                onRetry.accept(error);
                waitBeforeRetry(delay.get(), abandoned, error);
            }
        } finally {
            pending.remove(abandoned);
        }
    }

    private void waitBeforeRetry(Duration delay, CompletableFuture<?> abandoned, TikTokException lastFailure) {
        CompletableFuture<Void> wake = new CompletableFuture<>();
        DeliveryScheduler.Cancellable timer;
        try {
            timer = scheduler.schedule(() -> wake.complete(null), delay);
        } catch (RejectedExecutionException shutDown) {
            throw closedError(lastFailure);
        }
        abandoned.whenComplete((ignored, closedMeanwhile) -> wake.complete(null));
        try {
            wake.get();
        } catch (InterruptedException e) {
            timer.cancel();
            Thread.currentThread().interrupt();
            throw new TikTokException("Interrupted while waiting to retry; the request was not sent again", lastFailure);
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
        if (abandoned.isDone()) {
            timer.cancel();
            throw closedError(lastFailure);
        }
    }

    /**
     * Gives up every request still running or waiting for a retry: each future fails with a
     * {@link TikTokException}, and later calls fail at once. The scheduler is not shut down here; its owner does.
     */
    public void close() {
        closed = true;
        for (CompletableFuture<?> result : pending) {
            result.completeExceptionally(closedError(null));
        }
    }

    /**
     * Waits for an answer on the calling thread, for the blocking {@code send}.
     *
     * @param future the answer
     * @param <T> the answer type
     * @return the answer
     * @throws TikTokException the typed failure, unwrapped; or, if the thread is interrupted, a non-retryable
     *                         {@link TikTokException} after cancelling the request; the interrupt flag stays set
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TikTokException("Interrupted while waiting for TikTok's answer; the request was cancelled", e);
        } catch (ExecutionException e) {
            throw DeliveryErrors.toTikTokException(e.getCause());
        }
    }

    private static TikTokException closedError(Throwable lastFailure) {
        return new TikTokException("The client was closed before the request finished", lastFailure);
    }

    /** The attempts of one call. */
    private final class Attempts<T> {
        private final Supplier<? extends CompletableFuture<? extends T>> attempt;
        private final CompletableFuture<T> result;
        private final Consumer<TikTokException> onRetry;
        private final long firstAttemptNanos = scheduler.nanoTime();
        private volatile int attempts;
        private volatile CompletableFuture<T> current;
        private volatile DeliveryScheduler.Cancellable timer;

        Attempts(Supplier<? extends CompletableFuture<? extends T>> attempt, CompletableFuture<T> result,
                 Consumer<TikTokException> onRetry) {
            this.attempt = attempt;
            this.result = result;
            this.onRetry = onRetry;
            result.whenComplete((answer, failure) -> {
                if (result.isCompletedExceptionally()) {
                    stop();
                }
            });
        }

        void next() {
            if (result.isDone()) {
                return;
            }
            attempts++;
            CompletableFuture<T> call = DeliveryCall.start(attempt, attemptTimeout, scheduler);
            current = call;
            if (result.isDone()) {
                stop(); // cancelled or closed while this attempt was starting: stop() may have missed it
                return;
            }
            call.whenComplete((answer, failure) -> {
                if (failure == null) {
                    result.complete(answer);
                } else {
                    retryOrFail(DeliveryErrors.toTikTokException(failure));
                }
            });
        }

        private void retryOrFail(TikTokException error) {
            Duration elapsed = Duration.ofNanos(scheduler.nanoTime() - firstAttemptNanos);
            Optional<Duration> delay = Backoff.delayBeforeRetry(policy, attempts, elapsed, error, random.getAsDouble());
            if (delay.isEmpty() || result.isDone()) {
                result.completeExceptionally(error);
                return;
            }
            onRetry.accept(error);
            try {
                timer = scheduler.schedule(this::next, delay.get());
            } catch (RejectedExecutionException shutDown) {
                result.completeExceptionally(closedError(error));
                return;
            }
            if (result.isDone()) {
                stop(); // cancelled or closed while the timer was being armed
            }
        }

        private void stop() {
            DeliveryScheduler.Cancellable pendingTimer = timer;
            if (pendingTimer != null) {
                pendingTimer.cancel();
            }
            CompletableFuture<T> call = current;
            if (call != null && !call.isDone()) {
                call.cancel(true);
            }
        }
    }
}
