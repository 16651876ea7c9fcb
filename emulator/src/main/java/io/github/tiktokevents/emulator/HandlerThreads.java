package io.github.tiktokevents.emulator;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The small, bounded pool of daemon threads that handle the emulator's requests. */
final class HandlerThreads {
    /** Thread names start with this, so tests can check that none is left after close(). */
    static final String NAME_PREFIX = "tiktok-emulator-";

    private static final int QUEUE_CAPACITY = 1_000;

    private HandlerThreads() {
    }

    static ExecutorService create(int threads, int port) {
        AtomicInteger number = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, NAME_PREFIX + port + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        // when all threads are busy and the queue is full, the accepting thread handles the request itself,
        // which slows accepting down instead of dropping requests
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(QUEUE_CAPACITY), factory, new ThreadPoolExecutor.CallerRunsPolicy());
    }
}
