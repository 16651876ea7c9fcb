package io.github.tiktokevents;

import java.io.IOException;
import java.util.List;
import okio.BufferedSink;

/**
 * The benchmarks' window onto package-private SDK steps, so they measure exactly what {@code send} does before
 * the network: the request body the SDK would post. Lives in the SDK's package inside the benchmarks module only.
 */
public final class BenchmarkAccess {
    private BenchmarkAccess() {
    }

    /**
     * The envelope head a client sends before its web events' {@code data[]}; the SDK makes it once per client and
     * source, so benchmarks make it once too.
     *
     * @param pixelCode the web event_source_id of the envelope
     * @return the head bytes
     */
    public static byte[] webEnvelopeHead(String pixelCode) {
        return EventJson.envelopeHead(EventSource.WEB, pixelCode, null, null);
    }

    /**
     * Writes a prepared event's full Events API 2.0 request body into {@code sink}, exactly as {@code send} writes it
     * into the connection.
     *
     * @param envelopeHead from {@link #webEnvelopeHead(String)}
     * @param event the event, already built (normalised, hashed and measured)
     * @param sink where the body goes
     * @throws IOException if the sink fails
     */
    public static void writeEventTrackBody(byte[] envelopeHead, Event event, BufferedSink sink) throws IOException {
        new EventTrackBody(envelopeHead, List.of(event)).writeTo(sink);
    }

    /**
     * The size an event adds to a request body, the figure the processor's byte bound uses.
     *
     * @param event a built event
     * @return its estimated serialised size in bytes
     */
    public static int estimatedSizeBytes(Event event) {
        return event.estimatedSizeBytes();
    }
}
