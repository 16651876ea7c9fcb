package io.github.tiktokevents.internal.delivery;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The waiting side of closing an engine: arms the deadline after which everything unsettled is given up, waits
 * for the engine to stop and for its thread to end, and keeps the caller's interrupt flag. An interrupted
 * {@code close} gives up the rest at once instead of waiting out its timeout.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryShutdown {
    /** Extra wait, beyond the close timeout, for the final reports and the thread's end. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final DeliveryScheduler scheduler;
    private final CompletableFuture<Void> terminated;
    private final Runnable forceStop;

    DeliveryShutdown(DeliveryScheduler scheduler, CompletableFuture<Void> terminated, Runnable forceStop) {
        this.scheduler = scheduler;
        this.terminated = terminated;
        this.forceStop = forceStop;
    }

    void closeWithin(Duration timeout) {
        try {
            scheduler.schedule(forceStop, timeout);
        } catch (RejectedExecutionException alreadyStopped) {
            // Terminated already; only the thread's end is left to wait for.
        }
        if (scheduler.inSchedulerThread()) {
            return; // a listener closed the processor: waiting here would wait for ourselves
        }
        boolean interrupted = false;
        try {
            terminated.get(saturatedNanos(timeout) + saturatedNanos(GRACE), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            interrupted = true;
            try {
                scheduler.execute(forceStop);
            } catch (RejectedExecutionException alreadyStopped) {
                // fine: nothing left to give up
            }
            awaitUninterruptibly(terminated, GRACE);
        } catch (ExecutionException | TimeoutException e) {
            // Termination never fails; a timeout means a listener is stuck, and there is nothing more to do.
        }
        try {
            scheduler.awaitTermination(GRACE);
        } catch (InterruptedException e) {
            interrupted = true;
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for a future, keeping the interrupt flag.
     *
     * @param future what to wait for
     * @param timeout the longest wait, or null for none
     * @return true if the future completed; false on timeout or interrupt (the flag is then set again)
     */
    public static boolean await(CompletableFuture<?> future, Duration timeout) {
        try {
            if (timeout == null) {
                future.get();
            } else {
                future.get(saturatedNanos(timeout), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private static void awaitUninterruptibly(CompletableFuture<?> future, Duration timeout) {
        long deadline = System.nanoTime() + saturatedNanos(timeout);
        while (true) {
            try {
                future.get(Math.max(0L, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return;
            } catch (InterruptedException e) {
                // keep waiting; the caller restores the flag
            } catch (ExecutionException | TimeoutException e) {
                return;
            }
        }
    }

    /** A duration in nanoseconds, capped for durations too long to count; see {@link Durations#saturatedNanos}. */
    public static long saturatedNanos(Duration duration) {
        return Durations.saturatedNanos(duration);
    }
}
