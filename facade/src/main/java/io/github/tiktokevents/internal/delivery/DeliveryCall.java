package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Makes one attempt safe to wait on: whatever the transport does (throws, returns null, fails with any
 * exception, or never answers) the returned future completes, with the answer or with a {@link TikTokException}.
 */
final class DeliveryCall {
    private DeliveryCall() {
    }

    /**
     * Starts one attempt on the calling thread.
     *
     * @param attempt starts the request and returns its future
     * @param timeout after this the attempt fails with a retryable {@link TikTokTransportException} and the
     *                transport's future is cancelled; null for no timeout of ours (the transport's own applies)
     * @param scheduler the timer for {@code timeout}
     * @param <T> the answer type
     * @return a future that always completes; exceptionally only with a {@link TikTokException}. Cancelling it
     *         cancels the transport's future too
     */
    static <T> CompletableFuture<T> start(Supplier<? extends CompletableFuture<? extends T>> attempt,
                                          Duration timeout, DeliveryScheduler scheduler) {
        CompletableFuture<T> result = new CompletableFuture<>();
        CompletableFuture<? extends T> pending;
        try {
            pending = attempt.get();
        } catch (Throwable thrown) {
            result.completeExceptionally(DeliveryErrors.toTikTokException(thrown));
            return result;
        }
        if (pending == null) {
            result.completeExceptionally(new TikTokException("The transport returned no future (a bug in the sender)"));
            return result;
        }
        DeliveryScheduler.Cancellable timer = timeout == null ? null : startTimer(result, pending, timeout, scheduler);
        result.whenComplete((answer, failure) -> {
            if (result.isCancelled()) {
                pending.cancel(true); // whoever gave up on the attempt also stops the transport's request
            }
        });
        pending.whenComplete((answer, failure) -> {
            if (timer != null) {
                timer.cancel();
            }
            if (failure != null) {
                result.completeExceptionally(DeliveryErrors.toTikTokException(failure));
            } else {
                result.complete(answer);
            }
        });
        return result;
    }

    private static <T> DeliveryScheduler.Cancellable startTimer(CompletableFuture<T> result,
                                                               CompletableFuture<?> pending,
                                                               Duration timeout, DeliveryScheduler scheduler) {
        try {
            return scheduler.schedule(() -> {
                TikTokTransportException timedOut = new TikTokTransportException(
                        "No answer from TikTok within " + timeout + " (the processor's requestTimeout)",
                        new java.io.InterruptedIOException("the processor's requestTimeout passed"));
                if (result.completeExceptionally(timedOut)) {
                    pending.cancel(true);
                }
            }, timeout);
        } catch (RejectedExecutionException shutDown) {
            // Only after the scheduler was shut down, when nobody waits for this result any more.
            return null;
        }
    }
}
