package io.github.tiktokevents.emulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One event the emulator received: an element of {@code data} (Events API 2.0), of {@code batch}, or the body of a
 * {@code /pixel/track/} request (Events API 1.0, without {@code pixel_code}, {@code test_event_code} and
 * {@code partner_name}, which are in {@link RecordedRequest#body()}).
 *
 * <pre>{@code
 * RecordedEvent purchase = emulator.awaitEvents(1, Duration.ofSeconds(5)).get(0);
 * assertThat(purchase.eventName()).isEqualTo("Purchase");
 * assertThat(purchase.at("/user/email")).hasValue(TikTokHashing.email("jane@example.com"));   // io.github.tiktokevents.event
 * }</pre>
 *
 * @param endpoint the endpoint it was sent to
 * @param requestSequence the {@link RecordedRequest#sequence()} of the request that carried it
 * @param index its position in the request ({@code data[index]} or {@code batch[index]}; 0 for {@code /pixel/track/})
 * @param eventSourceId the request's {@code event_source_id} (2.0) or {@code pixel_code} (1.0), or {@code null}
 * @param eventName its {@code event} name, or {@code null} when missing
 * @param eventId its {@code event_id}, or {@code null} when missing
 * @param fields its JSON as plain, unmodifiable Java values ({@code Map}, {@code List}, {@code String},
 *     {@code Long}, {@code BigInteger}, {@code Double}, {@code Boolean}; JSON {@code null} as {@code null})
 * @param json its JSON text, as received (re-serialised)
 * @param accepted whether the emulator accepted the request that carried it (code 0, no fault)
 */
public record RecordedEvent(
        Endpoint endpoint,
        long requestSequence,
        int index,
        String eventSourceId,
        String eventName,
        String eventId,
        Map<String, Object> fields,
        String json,
        boolean accepted) {

    /**
     * The value at a JSON pointer inside the event, such as {@code /user/email} or {@code /properties/contents/0}.
     *
     * @param jsonPointer an RFC 6901 pointer, starting with {@code /}
     * @return the plain Java value there, or empty when there is none (or it is JSON {@code null})
     */
    public Optional<Object> at(String jsonPointer) {
        if (!jsonPointer.startsWith("/")) {
            throw new IllegalArgumentException("a JSON pointer starts with '/': " + jsonPointer);
        }
        Object current = fields;
        for (String token : jsonPointer.substring(1).split("/", -1)) {
            String key = token.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (current instanceof List<?> list && key.matches("\\d{1,9}") && Integer.parseInt(key) < list.size()) {
                current = list.get(Integer.parseInt(key));
            } else {
                return Optional.empty();
            }
        }
        return Optional.ofNullable(current);
    }
}
