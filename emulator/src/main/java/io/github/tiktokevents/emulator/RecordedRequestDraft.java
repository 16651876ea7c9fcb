package io.github.tiktokevents.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** What is known of a request on arrival, before it is answered. */
record RecordedRequestDraft(long sequence, Instant receivedAt, String method, String path,
        Map<String, List<String>> headers, String body, String requestId) {

    RecordedRequest finish(Route route, List<RecordedEvent> events, int httpStatus, OptionalLong code, String message,
            Optional<Fault> fault, boolean accepted) {
        return new RecordedRequest(sequence, receivedAt, method, path, route.known(), headers, body, events,
                httpStatus, code, message, requestId, fault, accepted);
    }
}
