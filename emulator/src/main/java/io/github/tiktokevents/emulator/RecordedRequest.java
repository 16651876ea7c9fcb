package io.github.tiktokevents.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One HTTP request the emulator received, with what it answered. The value of the {@code Access-Token} header is
 * never kept: it is recorded as {@value #REDACTED}.
 *
 * <pre>{@code
 * RecordedRequest request = emulator.awaitRequests(1, Duration.ofSeconds(5)).get(0);
 * assertThat(request.code()).hasValue(TikTokCodes.INVALID_PARAMETER);
 * assertThat(request.message()).contains("$.data[0].event_time");
 * }</pre>
 *
 * @param sequence its number, counting from 1 since the emulator started (not reset by {@code clear()})
 * @param receivedAt when it arrived, by the emulator's clock
 * @param method the HTTP method
 * @param path the request path, such as {@code /open_api/v1.3/event/track/}
 * @param endpoint the endpoint, or empty when the path is not one of TikTok's
 * @param headers the request headers (names as the client sent them), with secrets replaced by {@value #REDACTED}
 * @param body the raw body, decoded as UTF-8
 * @param events the events found in the body, whether or not the request was accepted; empty when the body is
 *     not valid JSON
 * @param httpStatus the HTTP status answered, or 0 when the connection was dropped without an answer
 * @param code the envelope's {@code code} answered, or empty when no envelope was sent (dropped connection, raw body)
 * @param message the envelope's {@code message} answered, or an empty string
 * @param requestId the {@code request_id} answered (fresh for every request)
 * @param fault the fault that was shown, or empty when the request was answered normally (after any pure delay,
 *     the delay is reported here although the answer was normal)
 * @param accepted whether the events were accepted: answered normally with code 0
 */
public record RecordedRequest(
        long sequence,
        Instant receivedAt,
        String method,
        String path,
        Optional<Endpoint> endpoint,
        Map<String, List<String>> headers,
        String body,
        List<RecordedEvent> events,
        int httpStatus,
        OptionalLong code,
        String message,
        String requestId,
        Optional<Fault> fault,
        boolean accepted) {

    /** What a secret header value is replaced with in {@link #headers()}. */
    public static final String REDACTED = "<redacted>";

    /**
     * The first value of a header, looked up without regard to case.
     *
     * @param name the header name, such as {@code Content-Type}
     * @return its first value, or empty when the request had no such header
     */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name) && !entry.getValue().isEmpty())
                .map(entry -> entry.getValue().get(0))
                .findFirst();
    }
}
