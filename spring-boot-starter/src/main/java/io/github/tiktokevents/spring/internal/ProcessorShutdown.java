package io.github.tiktokevents.spring.internal;

import io.github.tiktokevents.processor.EventProcessor;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.context.SmartLifecycle;

/**
 * Drains the application's {@link EventProcessor}s when the context closes, after the web server.
 *
 * <p>Spring stops lifecycle beans from the highest phase down, each phase within
 * {@code spring.lifecycle.timeout-per-shutdown-phase}. Boot's graceful web shutdown runs at
 * {@code SmartLifecycle.DEFAULT_PHASE - 1024} (stop taking requests, let those in flight finish) and the web server
 * stops at {@code DEFAULT_PHASE - 2048}, in Boot 3.5 and 4.0 alike; this bean's phase is below both, so the
 * event enqueued by the last request is in the queue before the drain starts. (It also starts before the server, so
 * the processor is there for the first request.)
 *
 * <p>The drain gets a little less than one phase's timeout (see {@link ShutdownTimeouts}): what is undelivered by
 * then is reported failed to the listener, rather than Spring moving on while the processor still works. Closing is
 * final: a context that is stopped and started again (rare outside checkpoint/restore) refuses events after the
 * restart.
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 */
public final class ProcessorShutdown implements SmartLifecycle {
    /** Below Boot's graceful web shutdown (DEFAULT_PHASE - 1024) and web server stop (DEFAULT_PHASE - 2048). */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

    private final Supplier<List<EventProcessor>> processors;
    private final Duration drainTimeout;
    private volatile boolean running;

    /**
     * Creates the lifecycle.
     *
     * @param processors the processors to close, looked up when the context stops (the starter's, or the
     *                   application's own)
     * @param drainTimeout the longest drain
     */
    public ProcessorShutdown(Supplier<List<EventProcessor>> processors, Duration drainTimeout) {
        this.processors = Objects.requireNonNull(processors, "processors");
        this.drainTimeout = Objects.requireNonNull(drainTimeout, "drainTimeout");
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        drain();
    }

    /** Drains on its own thread, so that Spring's per-phase timeout holds even if a drain overran. */
    @Override
    public void stop(Runnable callback) {
        Thread drainer = new Thread(() -> {
            try {
                drain();
            } finally {
                callback.run();
            }
        }, "tiktok-events-shutdown-drain");
        drainer.setDaemon(true);
        drainer.start();
    }

    private void drain() {
        try {
            // Every processor drains at once, within the one timeout.
            List<EventProcessor> open = processors.get();
            List<Thread> drains = open.stream()
                    .map(processor -> new Thread(() -> processor.close(drainTimeout), "tiktok-events-drain"))
                    .toList();
            drains.forEach(Thread::start);
            for (Thread drain : drains) {
                drain.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            running = false;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** @return the longest drain */
    public Duration drainTimeout() {
        return drainTimeout;
    }
}
