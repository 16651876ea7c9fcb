package io.github.tiktokevents.emulator;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The small, bounded pool of daemon threads that handle the emulator's requests. It remembers its threads so that
 * {@link #stop} can wait until each has really ended, not just until the pool counts it as done.
 */
final class HandlerThreads implements Executor {
    /** Thread names start with this, so tests can check that none is left after close(). */
    static final String NAME_PREFIX = "tiktok-emulator-";

    private static final int QUEUE_CAPACITY = 1_000;

    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor pool;

    HandlerThreads(int size, int port) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, NAME_PREFIX + port + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        };
        // when all threads are busy and the queue is full, the accepting thread handles the request itself,
        // which slows accepting down instead of dropping requests
        pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY), factory, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    @Override
    public void execute(Runnable command) {
        pool.execute(command);
    }

    /**
     * Interrupts what is running, drops what is queued and waits for every thread to end.
     *
     * @return whether all threads ended within the timeout
     */
    boolean stop(Duration timeout) throws InterruptedException {
        pool.shutdownNow();
        long deadline = System.nanoTime() + timeout.toNanos();
        if (!pool.awaitTermination(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (Thread thread : threads) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !thread.isAlive();
            }
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
        return threads.stream().noneMatch(Thread::isAlive);
    }
}
