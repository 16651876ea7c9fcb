package io.github.tiktokevents.internal.delivery;

import java.time.Duration;
import java.util.PriorityQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * A manual {@link DeliveryScheduler} for tests: virtual time that moves only when the test says so, and tasks
 * run on the test's own thread. Single-threaded by design, so runs are deterministic.
 */
public final class DeliveryTestScheduler implements DeliveryScheduler {
    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private final Thread owner = Thread.currentThread();
    private long now = 1_000_000_000L;
    private long sequence;
    private boolean shutdown;
    private int tasksRun;

    @Override
    public synchronized long nanoTime() {
        return now;
    }

    @Override
    public synchronized void execute(Runnable task) {
        schedule(task, Duration.ZERO);
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        if (shutdown) {
            throw new RejectedExecutionException("shut down");
        }
        Task scheduled = new Task(now + Durations.saturatedNanos(delay), sequence++, task); // like the real one
        tasks.add(scheduled);
        return () -> {
            synchronized (DeliveryTestScheduler.this) {
                tasks.remove(scheduled);
            }
        };
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        tasks.removeIf(task -> task.time > now); // like the real one: pending timers are dropped
    }

    @Override
    public boolean awaitTermination(Duration timeout) {
        return true;
    }

    @Override
    public boolean inSchedulerThread() {
        return Thread.currentThread() == owner;
    }

    /** Runs every task that is due now, including ones they submit for now. */
    void runDue() {
        advance(Duration.ZERO);
    }

    /** Moves time forward by {@code delta}, running each task at its own time, in order. */
    public void advance(Duration delta) {
        long target;
        synchronized (this) {
            target = now + Durations.saturatedNanos(delta);
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.time > target) {
                    now = target;
                    return;
                }
                tasks.poll();
                now = Math.max(now, next.time);
                tasksRun++;
            }
            next.runnable.run();
        }
    }

    /** Runs tasks, jumping time from one to the next, until none is left; fails after too many tasks. */
    void runAll() {
        for (int i = 0; i < 10_000_000; i++) {
            Task next;
            synchronized (this) {
                next = tasks.poll();
                if (next == null) {
                    return;
                }
                now = Math.max(now, next.time);
                tasksRun++;
            }
            next.runnable.run();
        }
        throw new AssertionError("tasks keep coming: a livelock?");
    }

    public synchronized int pendingTasks() {
        return tasks.size();
    }

    /**
     * Whether a task is due exactly {@code delay} from now: a way to wait for one particular timer while others
     * (the client's call-timeout sweeps) come and go.
     *
     * @param delay how far ahead
     * @return true if a pending task is due then
     */
    public synchronized boolean hasTaskDueIn(Duration delay) {
        long due = now + Durations.saturatedNanos(delay);
        return tasks.stream().anyMatch(task -> task.time == due);
    }

    synchronized boolean isShutdown() {
        return shutdown;
    }

    /** Time elapsed since the scheduler was created. */
    synchronized Duration elapsed() {
        return Duration.ofNanos(now - 1_000_000_000L);
    }

    private static final class Task implements Comparable<Task> {
        final long time;
        final long order;
        final Runnable runnable;

        Task(long time, long order, Runnable runnable) {
            this.time = time;
            this.order = order;
            this.runnable = runnable;
        }

        @Override
        public int compareTo(Task other) {
            int byTime = Long.compare(time, other.time);
            return byTime != 0 ? byTime : Long.compare(order, other.order);
        }
    }
}
