package io.github.tiktokevents.internal.wire;

import java.io.IOException;
import okio.Buffer;
import okio.BufferedSink;

/**
 * Gathers a request body's small writes (an event's kept bytes, a comma) and hands them to OkHttp's sink in pieces of
 * about {@value #PIECE_BYTES} bytes. Each time OkHttp's sink is given a complete 8 KiB segment it writes it to the
 * socket under its own timeout bookkeeping: it enters okio's {@code AsyncTimeout} queue, whose shared watchdog thread
 * it signals, and leaves it again. Written event by event, a body of 50 events (about 48 KB) did that six times (each
 * segment as it filled, then the last at close) where the same bytes handed over in one array did it twice; on the
 * blocking path those wake-ups cost the sending thread more CPU than the rest of the SDK's work per request (profiled
 * with {@code perf}; see BENCHMARKS.md). A piece of 64 KiB matches what okio's timeout sink writes per timeout anyway, and keeps at most that
 * much of a body gathered at once rather than the whole body. Moving a piece into the sink moves its segments; no bytes
 * are copied twice.
 */
final class BodyPieces {
    /** okio's {@code AsyncTimeout} writes at most 64 KiB per timeout; a larger piece would gain nothing. */
    static final long PIECE_BYTES = 64 * 1024;

    private final BufferedSink sink;
    private final Buffer piece = new Buffer();

    BodyPieces(BufferedSink sink) {
        this.sink = sink;
    }

    void write(byte[] bytes) throws IOException {
        piece.write(bytes);
        if (piece.size() >= PIECE_BYTES) {
            handOver();
        }
    }

    void write(java.nio.ByteBuffer bytes) throws IOException {
        piece.write(bytes);
        if (piece.size() >= PIECE_BYTES) {
            handOver();
        }
    }

    void writeByte(int b) {
        piece.writeByte(b);
    }

    /** Hands over what is gathered; call once, after the last write. */
    void finish() throws IOException {
        handOver();
    }

    private void handOver() throws IOException {
        sink.write(piece, piece.size());
    }
}
