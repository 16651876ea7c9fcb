package io.github.tiktokevents.emulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The journal of received requests. Thread-safe: handler threads append while tests read and wait.
 */
final class Recording {
    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
        notifyAll();
    }

    synchronized void clear() {
        requests.clear();
    }

    synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    synchronized List<RecordedEvent> acceptedEvents() {
        return acceptedEventsOf(requests);
    }

    /**
     * Waits until {@code select} returns at least {@code n} items, or fails with an {@link AssertionError} (which
     * test frameworks report as a failed expectation) when the timeout passes first.
     */
    <T> List<T> await(int n, Duration timeout, String what, Function<List<RecordedRequest>, List<T>> select)
            throws InterruptedException {
        if (n < 0) {
            throw new IllegalArgumentException("n must not be negative: " + n);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (this) {
            while (true) {
                List<T> selected = select.apply(requests);
                if (selected.size() >= n) {
                    return List.copyOf(selected);
                }
                long leftMillis = Math.max(0, (deadline - System.nanoTime()) / 1_000_000);
                if (leftMillis == 0) {
                    throw new AssertionError("expected at least " + n + " " + what + " within " + timeout
                            + " but got " + selected.size() + " (" + requests.size() + " requests received)");
                }
                wait(leftMillis);
            }
        }
    }

    static List<RecordedEvent> acceptedEventsOf(List<RecordedRequest> requests) {
        List<RecordedEvent> events = new ArrayList<>();
        for (RecordedRequest request : requests) {
            if (request.accepted()) {
                events.addAll(request.events());
            }
        }
        return events;
    }
}
