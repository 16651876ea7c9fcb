package io.github.tiktokevents.internal.delivery;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The executor of an OkHttp dispatcher this SDK owns: like OkHttp's own (threads made on demand, kept 60 s when
 * idle), but it remembers its threads so that closing the client can wait until they have really ended, not only
 * until the pool says it terminated (which it does a moment before its last thread exits).
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DispatcherThreads extends ThreadPoolExecutor {
    private final Set<Thread> threads = ConcurrentHashMap.newKeySet();

    public DispatcherThreads() {
        super(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>());
        setThreadFactory(runnable -> {
            Thread thread = new Thread(runnable, "OkHttp Dispatcher (tiktok-events)");
            thread.setDaemon(true);
            threads.add(thread);
            return thread;
        });
    }

    /** After {@link #shutdown()}: waits until every thread this pool made has ended, or the deadline passes. */
    public boolean awaitThreadsEnded(long deadlineNanos) throws InterruptedException {
        if (!awaitTermination(deadlineNanos - System.nanoTime(), TimeUnit.NANOSECONDS)) {
            return false;
        }
        for (Thread thread : threads) {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0 && thread != Thread.currentThread()) {
                TimeUnit.NANOSECONDS.timedJoin(thread, left);
            }
            if (!thread.isAlive()) {
                threads.remove(thread);
            }
        }
        return threads.isEmpty();
    }
}
