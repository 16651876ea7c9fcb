package io.github.tiktokevents.internal.delivery;

import java.time.Duration;

/**
 * The only source of time and threads for delivery, so tests can replace both with a manual fake and never
 * really wait. Tasks given to one scheduler run one at a time, in order, each seeing the effects of the ones before
 * (the delivery engine relies on this to keep its state without locks), though not always on the same thread: see
 * {@link #executeHere}.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public interface DeliveryScheduler {

    /** A task that was scheduled and may be cancelled before it runs. */
    interface Cancellable {
        /** Prevents the task from running if it has not started; does nothing otherwise. */
        void cancel();
    }

    /**
     * The monotonic time in nanoseconds, comparable only with other values from this scheduler.
     *
     * @return the current time
     */
    long nanoTime();

    /**
     * Runs a task soon, after the tasks already due.
     *
     * @param task the task
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown()}
     */
    void execute(Runnable task);

    /**
     * Runs a task in order with the others, on the calling thread if no other task is running (the thread that
     * brought an answer then starts the next request itself, without a hop to the scheduler's thread), otherwise
     * after the tasks already due. By default the same as {@link #execute}.
     *
     * @param task the task
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown()}
     */
    default void executeHere(Runnable task) {
        execute(task);
    }

    /**
     * Runs a task after a delay, without holding a thread meanwhile.
     *
     * @param task the task
     * @param delay zero or positive
     * @return a handle that cancels the task
     * @throws java.util.concurrent.RejectedExecutionException after {@link #shutdown()}
     */
    Cancellable schedule(Runnable task, Duration delay);

    /** Accepts no more tasks; tasks already submitted still run, then the threads end. */
    void shutdown();

    /**
     * Waits until every thread has ended after {@link #shutdown()}.
     *
     * @param timeout the longest wait
     * @return whether all threads ended in time
     * @throws InterruptedException if the waiting thread is interrupted
     */
    boolean awaitTermination(Duration timeout) throws InterruptedException;

    /**
     * Whether the calling thread is one of this scheduler's threads; blocking there on the scheduler's own work
     * would deadlock.
     *
     * @return true on a scheduler thread
     */
    boolean inSchedulerThread();
}
