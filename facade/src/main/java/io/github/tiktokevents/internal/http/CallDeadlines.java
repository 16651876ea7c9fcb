package io.github.tiktokevents.internal.http;

import io.github.tiktokevents.internal.delivery.DeliveryScheduler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;

/**
 * The whole-call timeout ({@code callTimeout}) of the SDK's own requests, kept by one sweep rather than by OkHttp.
 * OkHttp keeps a call timeout in okio's watchdog queue, shared by every client in the JVM: entered and left on every
 * call, it put the watchdog on the path of every socket read and write, and in a paired run (20,000 events in requests
 * of 50, one at a time) took the SDK from 76 to 99 ms, and plain OkHttp calls in the same JVM from 72 to 94 ms.
 * Here a call only notes its start in a map; while calls are in flight, the scheduler sweeps the map every
 * {@link #tick tick} (a tenth of the timeout, at most one second) and cancels each call older than the timeout,
 * which then ends as a timeout ({@link #failure}). A call therefore ends at most one tick after its deadline.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class CallDeadlines {
    private static final long MAX_TICK_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long MIN_TICK_NANOS = Duration.ofMillis(1).toNanos();

    private final long timeoutNanos;
    private final Duration tick;
    private final DeliveryScheduler scheduler;
    private final Map<Call, Long> started = new ConcurrentHashMap<>();
    private final Map<Call, Boolean> expired = new ConcurrentHashMap<>();
    private final AtomicBoolean sweeping = new AtomicBoolean();

    /**
     * @param timeout the whole-call timeout; zero for none (nothing is then tracked)
     * @param scheduler runs the sweeps; its clock is the one deadlines are measured with
     */
    public CallDeadlines(Duration timeout, DeliveryScheduler scheduler) {
        this.timeoutNanos = timeout.toNanos();
        this.tick = Duration.ofNanos(Math.max(MIN_TICK_NANOS, Math.min(MAX_TICK_NANOS, timeoutNanos / 10)));
        this.scheduler = scheduler;
    }

    /** The time between sweeps while calls are in flight: how late, at most, a call's timeout fires. */
    public Duration tick() {
        return tick;
    }

    /**
     * Starts the clock of a call about to run; {@link #finished} must follow once it ended, whatever the outcome.
     *
     * @param call the call
     */
    public void started(Call call) {
        if (timeoutNanos == 0) {
            return;
        }
        started.put(call, scheduler.nanoTime());
        if (sweeping.compareAndSet(false, true)) {
            scheduleSweep();
        }
    }

    /**
     * Stops the clock of a call that ended.
     *
     * @param call the call
     */
    public void finished(Call call) {
        if (timeoutNanos != 0) {
            started.remove(call);
            expired.remove(call);
        }
    }

    /**
     * What a call's failure was: a timeout naming the limit if this class cancelled the call for it, else
     * {@code failure} itself. Call before {@link #finished}.
     *
     * @param call the call that failed
     * @param failure how it failed, as OkHttp reported it
     * @return the failure to report
     */
    public IOException failure(Call call, IOException failure) {
        if (timeoutNanos == 0 || !expired.containsKey(call)) {
            return failure;
        }
        InterruptedIOException timedOut = new InterruptedIOException("no complete answer within the call timeout ("
                + Duration.ofNanos(timeoutNanos) + ")");
        timedOut.initCause(failure);
        return timedOut;
    }

    private void scheduleSweep() {
        try {
            scheduler.schedule(this::sweep, tick);
        } catch (RejectedExecutionException shutDown) {
            // the client is closing, which cancels every call itself
            sweeping.set(false);
        }
    }

    /** Cancels the calls past their deadline; sweeps again later while any call is in flight. */
    void sweep() {
        long now = scheduler.nanoTime();
        started.forEach((call, start) -> {
            if (now - start >= timeoutNanos && started.remove(call, start)) {
                expired.put(call, Boolean.TRUE);
                call.cancel();
            }
        });
        if (!started.isEmpty()) {
            scheduleSweep();
            return;
        }
        sweeping.set(false);
        // a call that started after the map was read but before the flag fell found the flag up and left it to us
        if (!started.isEmpty() && sweeping.compareAndSet(false, true)) {
            scheduleSweep();
        }
    }

    /** Calls whose clock runs, for tests. */
    int inFlight() {
        return started.size();
    }
}
