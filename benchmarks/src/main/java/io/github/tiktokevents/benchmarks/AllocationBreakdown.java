package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.internal.wire.EventTrackBody;
import io.github.tiktokevents.internal.wire.EventWire;
import io.github.tiktokevents.internal.wire.PixelBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.util.List;
import okio.Buffer;

/**
 * Where benchmark 3's bytes go: each step of preparing the quick-start event, measured with the thread's allocation
 * counter after a warm-up, outside JMH. Escape analysis removes less here than in the JMH run (the totals come out up
 * to a few hundred bytes higher), so the steps explain the gc profiler's totals rather than replace them.
 */
final class AllocationBreakdown {
    private static final int WARM_UP = 100_000;
    private static final int MEASURED = 200_000;
    private static final int BATCH = 10_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Keeps results reachable so the JIT cannot drop the work. */
    private static volatile Object sink;

    /** Bytes per operation of each step. */
    final double build;
    final double eventsApi2Bytes;
    final double eventsApi2Body;
    final double pixelBytes;
    final double pixelBody;
    /** The exact sizes of the kept arrays and of what they hold. */
    final int eventsApi2Length;
    final int pixelLength;

    private AllocationBreakdown(double build, double eventsApi2Bytes, double eventsApi2Body, double pixelBytes,
                                double pixelBody, int eventsApi2Length, int pixelLength) {
        this.build = build;
        this.eventsApi2Bytes = eventsApi2Bytes;
        this.eventsApi2Body = eventsApi2Body;
        this.pixelBytes = pixelBytes;
        this.pixelBody = pixelBody;
        this.eventsApi2Length = eventsApi2Length;
        this.pixelLength = pixelLength;
    }

    static AllocationBreakdown measure() {
        byte[] head = EventTrackBody.envelopeHead(EventSource.WEB, QuickStartJson.PIXEL, null, null);
        Buffer buffer = new Buffer();
        Event prepared = QuickStartEvent.build("123456789");
        int json = EventWire.json(prepared).length;
        int pixel = EventWire.pixelFields(prepared).length;
        double build = perOp(() -> sink = QuickStartEvent.build("123456789"));
        double eventsApi2 = perFreshEvent(EventWire::json);
        double eventsApi1 = perFreshEvent(EventWire::pixelFields);
        double body2 = perOp(() -> write(new EventTrackBody(head, List.of(prepared)), buffer));
        byte[] pixelHead = PixelBody.trackHead(QuickStartJson.PIXEL, null, null);
        double body1 = perOp(() -> write(PixelBody.track(pixelHead, prepared), buffer));
        return new AllocationBreakdown(build, eventsApi2, body2, eventsApi1, body1, json, pixel);
    }

    /** What a byte array of this many elements occupies: a 16-byte header, padded to 8 bytes. */
    static long arrayBytes(int length) {
        return (16L + length + 7) / 8 * 8;
    }

    private static void write(okhttp3.RequestBody body, Buffer buffer) {
        try {
            body.writeTo(buffer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        sink = buffer.size();
        buffer.clear();
    }

    /**
     * Bytes per event of a step that can run once per event (its bytes are kept): events are built in batches
     * outside the counted loops, so only the step itself is counted.
     */
    private static double perFreshEvent(java.util.function.Function<Event, Object> step) {
        Event[] batch = new Event[BATCH];
        long counted = 0;
        for (int round = 0; round < WARM_UP / BATCH + MEASURED / BATCH; round++) {
            for (int i = 0; i < BATCH; i++) {
                batch[i] = QuickStartEvent.build("123456789");
            }
            long thread = Thread.currentThread().getId();
            long before = THREADS.getThreadAllocatedBytes(thread);
            for (Event event : batch) {
                sink = step.apply(event);
            }
            if (round >= WARM_UP / BATCH) {
                counted += THREADS.getThreadAllocatedBytes(thread) - before;
            }
        }
        return counted / (double) MEASURED;
    }

    private static double perOp(Runnable step) {
        for (int i = 0; i < WARM_UP; i++) {
            step.run();
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = 0; i < MEASURED; i++) {
            step.run();
        }
        return (THREADS.getThreadAllocatedBytes(thread) - before) / (double) MEASURED;
    }
}
