package io.github.tiktokevents.internal.metrics;

import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.metrics.RequestObserver;
import io.github.tiktokevents.metrics.TikTokMetrics;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * A user's {@link TikTokMetrics} as the SDK calls it: whatever the hook throws (any {@link Throwable}) is logged, the
 * first time as a warning, and ignored, so a broken metrics binding can neither fail a send nor strand an event. One
 * per client.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class GuardedMetrics {
    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.metrics");

    private final TikTokMetrics hook;
    private final boolean enabled;
    private final AtomicBoolean warned = new AtomicBoolean();

    /**
     * Guards a hook.
     *
     * @param hook the user's hook; {@link TikTokMetrics#NONE} makes every call a no-op
     */
    public GuardedMetrics(TikTokMetrics hook) {
        this.hook = hook;
        this.enabled = hook != TikTokMetrics.NONE;
    }

    /** @return the hook as the user gave it */
    public TikTokMetrics hook() {
        return hook;
    }

    /**
     * The same hook's calls for one source, as a processor's engine makes them.
     *
     * @param source the engine's source
     * @return the bound calls
     */
    public SourceMetrics forSource(EventSource source) {
        return new SourceMetrics(this, source);
    }

    void enqueued(EventSource source, int count) {
        if (enabled) {
            try {
                hook.eventsEnqueued(source, count);
            } catch (Throwable bug) {
                failed("eventsEnqueued", bug);
            }
        }
    }

    void rejected(EventSource source, TikTokException error) {
        if (enabled) {
            try {
                hook.eventsRejected(source, ErrorTypes.of(error), 1);
            } catch (Throwable bug) {
                failed("eventsRejected", bug);
            }
        }
    }

    void delivered(EventSource source, int count) {
        if (enabled) {
            try {
                hook.eventsDelivered(source, count);
            } catch (Throwable bug) {
                failed("eventsDelivered", bug);
            }
        }
    }

    void failed(EventSource source, TikTokException error, int count) {
        if (enabled) {
            try {
                hook.eventsFailed(source, ErrorTypes.of(error), count);
            } catch (Throwable bug) {
                failed("eventsFailed", bug);
            }
        }
    }

    /**
     * Reports a retry.
     *
     * @param source the events' source
     * @param error the failure retried
     */
    public void retried(EventSource source, TikTokException error) {
        if (enabled) {
            try {
                hook.requestRetried(source, ErrorTypes.of(error));
            } catch (Throwable bug) {
                failed("requestRetried", bug);
            }
        }
    }

    /**
     * Announces an HTTP attempt.
     *
     * @param source the events' source
     * @param request the request; its path is read only when a hook listens, off the send path otherwise
     * @param events how many events it carries
     * @return the attempt's end, to call exactly once
     */
    public Attempt requestStarted(EventSource source, okhttp3.Request request, int events) {
        if (!enabled) {
            return Attempt.NONE;
        }
        try {
            RequestObserver observer = hook.requestStarted(source, request.url().encodedPath(), events);
            return observer == null || observer == RequestObserver.NONE ? Attempt.NONE : new Attempt(this, observer);
        } catch (Throwable bug) {
            failed("requestStarted", bug);
            return Attempt.NONE;
        }
    }

    void queueOpened(String processor, EventSource source, LongSupplier depth) {
        if (enabled) {
            try {
                hook.queueOpened(processor, source, depth);
            } catch (Throwable bug) {
                failed("queueOpened", bug);
            }
        }
    }

    void queueClosed(String processor, EventSource source, LongSupplier depth) {
        if (enabled) {
            try {
                hook.queueClosed(processor, source, depth);
            } catch (Throwable bug) {
                failed("queueClosed", bug);
            }
        }
    }

    /**
     * A durable processor opened; see {@link TikTokMetrics#outboxOpened}.
     *
     * @param processor the processor's name
     * @param pending reads the outbox's backlog
     */
    public void outboxOpened(String processor, LongSupplier pending) {
        if (enabled) {
            try {
                hook.outboxOpened(processor, pending);
            } catch (Throwable bug) {
                failed("outboxOpened", bug);
            }
        }
    }

    /**
     * A durable processor closed; see {@link TikTokMetrics#outboxClosed}.
     *
     * @param processor the processor's name
     * @param pending the reader {@link #outboxOpened} was given
     */
    public void outboxClosed(String processor, LongSupplier pending) {
        if (enabled) {
            try {
                hook.outboxClosed(processor, pending);
            } catch (Throwable bug) {
                failed("outboxClosed", bug);
            }
        }
    }

    private void failed(String method, Throwable bug) {
        System.Logger.Level level = warned.compareAndSet(false, true) ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG;
        LOG.log(level, "TikTokMetrics." + method + " threw; ignored, no event's outcome changes", bug);
    }

    /** The end of one HTTP attempt; {@link #finished} reports it once. */
    public static final class Attempt {
        static final Attempt NONE = new Attempt(null, null);

        private final GuardedMetrics metrics;
        private final RequestObserver observer;

        private Attempt(GuardedMetrics metrics, RequestObserver observer) {
            this.metrics = metrics;
            this.observer = observer;
        }

        /** The attempt succeeded. */
        public void succeeded() {
            if (observer != null) {
                finish(null, null);
            }
        }

        /**
         * The attempt failed.
         *
         * @param error why
         */
        public void failed(TikTokException error) {
            if (observer != null) {
                finish(ErrorTypes.of(error), error);
            }
        }

        private void finish(String errorType, TikTokException error) {
            try {
                observer.finished(errorType, error);
            } catch (Throwable bug) {
                metrics.failed("RequestObserver.finished", bug);
            }
        }
    }
}
