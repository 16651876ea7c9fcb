package io.github.tiktokevents.internal.delivery;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * The real {@link DeliveryScheduler}: one daemon thread with the given name, created on first use and
 * ended by {@link #shutdown()}. One thread is enough: delivery work on it only hands requests to an asynchronous
 * transport and books their answers; waits between retries are timers, not sleeping threads.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryThreadScheduler implements DeliveryScheduler {
    private final ScheduledThreadPoolExecutor executor;
    private volatile Thread thread;

    /**
     * Creates a scheduler whose thread has the given name. Delayed tasks still waiting at {@link #shutdown()}
     * are dropped, so their owner must settle what they stood for before shutting down.
     *
     * @param threadName the thread's name, e.g. {@code tiktok-events-processor-delivery}
     */
    public DeliveryThreadScheduler(String threadName) {
        String name = threadName;
        ThreadFactory factory = runnable -> {
            Thread created = new Thread(runnable, name);
            created.setDaemon(true);
            thread = created;
            return created;
        };
        this.executor = new ScheduledThreadPoolExecutor(1, factory);
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void execute(Runnable task) {
        executor.execute(task);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        ScheduledFuture<?> future = executor.schedule(task, Durations.saturatedNanos(delay), TimeUnit.NANOSECONDS);
        return () -> future.cancel(false);
    }

    @Override
    public void shutdown() {
        executor.shutdown();
    }

    @Override
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        long wait = Durations.saturatedNanos(timeout);
        long deadline = System.nanoTime() + wait;
        if (!executor.awaitTermination(wait, TimeUnit.NANOSECONDS)) {
            return false;
        }
        // The executor reports termination from inside its last worker, a moment before that thread ends: wait for
        // the thread itself, so that "nothing is left running" holds when this returns.
        Thread worker = thread;
        if (worker != null && worker != Thread.currentThread()) {
            long left = deadline - System.nanoTime();
            if (left > 0) {
                TimeUnit.NANOSECONDS.timedJoin(worker, left);
            }
            return !worker.isAlive();
        }
        return true;
    }

    @Override
    public boolean inSchedulerThread() {
        return Thread.currentThread() == thread;
    }
}
