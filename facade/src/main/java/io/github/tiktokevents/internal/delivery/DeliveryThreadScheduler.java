package io.github.tiktokevents.internal.delivery;

import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The real {@link DeliveryScheduler}: one daemon thread with the given name, created on first use and ended by
 * {@link #shutdown()}, plus the threads that bring answers. Tasks run one at a time, in order, in a serial lane:
 * {@link #execute} and timers hand them to the daemon thread, while {@link #executeHere} runs them on the calling
 * thread when the lane is free. So an answer arriving on the HTTP client's thread is booked, and the next request
 * started, on that thread, without waking the daemon thread in between (pipelining). The lane's tasks are
 * serialised by one atomic flag, which also orders their memory effects, so they may keep state without locks.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryThreadScheduler implements DeliveryScheduler {
    /** Tasks one caller of {@link #executeHere} runs before it hands the rest to the daemon thread. */
    static final int INLINE_BUDGET = 256;
    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.processor");

    private final ScheduledThreadPoolExecutor executor;
    private final ConcurrentLinkedQueue<Runnable> lane = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Runnable drainOnDaemon = () -> drain(Integer.MAX_VALUE);
    private volatile Thread thread;
    private volatile Thread runner;
    private volatile boolean shutdown;

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
        checkOpen();
        lane.add(task);
        if (!running.get()) {
            executor.execute(drainOnDaemon); // whoever runs the lane now re-checks it before letting go
        }
    }

    @Override
    public void executeHere(Runnable task) {
        checkOpen();
        lane.add(task);
        drain(INLINE_BUDGET);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        checkOpen();
        AtomicBoolean cancelled = new AtomicBoolean();
        ScheduledFuture<?> future = executor.schedule(() -> {
            if (!cancelled.get() && !shutdown) {
                lane.add(() -> {
                    if (!cancelled.get()) {
                        task.run();
                    }
                });
                drain(Integer.MAX_VALUE);
            }
        }, Durations.saturatedNanos(delay), TimeUnit.NANOSECONDS);
        return () -> {
            cancelled.set(true);
            future.cancel(false);
        };
    }

    @Override
    public void shutdown() {
        shutdown = true;
        if (!lane.isEmpty() && !running.get()) {
            executor.execute(drainOnDaemon); // tasks already accepted still run
        }
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
            if (worker.isAlive()) {
                return false;
            }
        }
        // An HTTP thread may still be finishing the lane's last tasks.
        while (running.get() && runner != Thread.currentThread()) {
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(100));
        }
        return true;
    }

    @Override
    public boolean inSchedulerThread() {
        return Thread.currentThread() == runner;
    }

    /** Runs the lane's tasks on this thread if nobody else does, at most {@code budget}, then hands over. */
    private void drain(int budget) {
        int left = budget;
        while (running.compareAndSet(false, true)) {
            runner = Thread.currentThread();
            try {
                Runnable task;
                while (left > 0 && (task = lane.poll()) != null) {
                    left--;
                    runQuietly(task);
                }
            } finally {
                runner = null;
                running.set(false);
            }
            if (lane.isEmpty()) {
                return; // a task added after the last poll finds running false and starts a drain itself
            }
            if (left <= 0) {
                handOver();
                return;
            }
        }
    }

    /** Like an executor: a task that throws (a bug) is logged, and the tasks after it still run. */
    private static void runQuietly(Runnable task) {
        try {
            task.run();
        } catch (Throwable bug) {
            LOG.log(System.Logger.Level.ERROR, "A delivery task failed; the next tasks still run", bug);
        }
    }

    private void handOver() {
        try {
            executor.execute(drainOnDaemon);
        } catch (RejectedExecutionException shutDown) {
            drain(Integer.MAX_VALUE); // the daemon thread is gone: finish the accepted tasks here
        }
    }

    private void checkOpen() {
        if (shutdown) {
            throw new RejectedExecutionException("the delivery scheduler is shut down");
        }
    }
}
