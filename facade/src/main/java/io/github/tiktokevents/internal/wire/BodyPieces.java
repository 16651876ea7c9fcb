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
 * are copied twice. A body shorter than one segment (a single event, usually) is written to the sink directly, as it
 * could not emit a segment early anyway, and costs no gathering buffer.
 */
final class BodyPieces {
    /** okio's {@code AsyncTimeout} writes at most 64 KiB per timeout; a larger piece would gain nothing. */
    static final long PIECE_BYTES = 64 * 1024;

    /** okio's segment: a body no longer than this never fills one before its end, so it goes to the sink directly. */
    static final long SEGMENT_BYTES = 8192;

    private final BufferedSink sink;
    /** Where a body larger than a segment is gathered; for a smaller body, the sink itself (no buffer allocated). */
    private final BufferedSink piece;
    private final Buffer gathered;

    /**
     * Writes a body of a known length.
     *
     * @param sink OkHttp's sink
     * @param contentLength the body's length in bytes
     */
    BodyPieces(BufferedSink sink, long contentLength) {
        this.sink = sink;
        this.gathered = contentLength > SEGMENT_BYTES ? new Buffer() : null;
        this.piece = gathered != null ? gathered : sink;
    }

    void write(byte[] bytes) throws IOException {
        piece.write(bytes);
        handOverIfFull();
    }

    void write(java.nio.ByteBuffer bytes) throws IOException {
        piece.write(bytes);
        handOverIfFull();
    }

    void writeByte(int b) throws IOException {
        piece.writeByte(b);
    }

    /** Hands over what is gathered; call once, after the last write. */
    void finish() throws IOException {
        if (gathered != null) {
            sink.write(gathered, gathered.size());
        }
    }

    private void handOverIfFull() throws IOException {
        if (gathered != null && gathered.size() >= PIECE_BYTES) {
            sink.write(gathered, gathered.size());
        }
    }
}
