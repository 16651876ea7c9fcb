package io.github.tiktokevents;

import java.util.List;

/**
 * The benchmarks' window onto package-private SDK steps, so they measure exactly what {@code send} does before
 * the network: the request body the SDK would post. Lives in the SDK's package inside the benchmarks module only.
 */
public final class BenchmarkAccess {
    private BenchmarkAccess() {
    }

    /**
     * Serialises a prepared web event into the full Events API 2.0 request body, as {@code send} does.
     *
     * @param pixelCode the web event_source_id of the envelope
     * @param event the event, already built (normalised and hashed)
     * @return the UTF-8 request body
     */
    public static byte[] eventTrackBody(String pixelCode, Event event) {
        return EventJson.eventTrackBody(EventSource.WEB, pixelCode, null, null, List.of(event));
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
