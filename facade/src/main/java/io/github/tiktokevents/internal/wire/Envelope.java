package io.github.tiktokevents.internal.wire;

import com.google.gson.Gson;
import com.google.gson.Strictness;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;

/**
 * TikTok's answer envelope, {@code {"code": 0, "message": "OK", "request_id": "...", "data": {...}}}, read strictly
 * with a streaming reader: the body must be one well-formed JSON object (no single quotes, unquoted names or
 * trailing text) whose {@code code} is a JSON integer. Anything else is not TikTok's envelope, and the HTTP status
 * decides. A lenient reader would take {@code {code:"0"}} from a proxy's error page as success.
 *
 * @param code TikTok's return code
 * @param message TikTok's message, or null
 * @param requestId TikTok's request id, or null
 * @param data TikTok's {@code data} object, or null when absent or not an object
 */
record Envelope(long code, String message, String requestId, Map<String, Object> data) {
    private static final TypeAdapter<Object> ANY_VALUE = new Gson().getAdapter(Object.class);

    /**
     * Reads an answer's body: the flat shape TikTok nearly always answers with is recognised without a JSON reader
     * ({@link FlatEnvelope}), anything else goes through {@link #readWithJsonReader}.
     *
     * @param body the whole body
     * @return the envelope
     * @throws IllegalArgumentException if the body is not exactly one envelope, saying what is wrong
     */
    static Envelope read(String body) {
        Envelope flat = FlatEnvelope.read(body);
        return flat != null ? flat : readWithJsonReader(body);
    }

    /**
     * Reads an answer's body with Gson's strict reader, whatever its shape.
     *
     * @param body the whole body
     * @return the envelope
     * @throws IllegalArgumentException if the body is not exactly one envelope, saying what is wrong
     */
    static Envelope readWithJsonReader(String body) {
        try (JsonReader reader = new JsonReader(new StringReader(body))) {
            reader.setStrictness(Strictness.STRICT);
            Envelope envelope = readObject(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalArgumentException("text after the JSON object");
            }
            return envelope;
        } catch (IOException | IllegalStateException | NumberFormatException malformed) {
            // Gson reports malformed JSON as MalformedJsonException (an IOException) or IllegalStateException
            throw new IllegalArgumentException("not well-formed JSON");
        }
    }

    @SuppressWarnings("unchecked")
    private static Envelope readObject(JsonReader reader) throws IOException {
        Long code = null;
        String message = null;
        String requestId = null;
        Map<String, Object> data = null;
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            switch (name) {
                case "code":
                    if (code != null || reader.peek() != JsonToken.NUMBER) {
                        throw new IllegalArgumentException("code is not one JSON number");
                    }
                    code = reader.nextLong(); // a fraction or an overflow is a NumberFormatException
                    break;
                case "message":
                    message = optionalString(reader, name);
                    break;
                case "request_id":
                    requestId = optionalString(reader, name);
                    break;
                case "data":
                    Object value = ANY_VALUE.read(reader);
                    data = value instanceof Map ? (Map<String, Object>) value : null;
                    break;
                default:
                    reader.skipValue();
            }
        }
        reader.endObject();
        if (code == null) {
            throw new IllegalArgumentException("no code");
        }
        return new Envelope(code, message, requestId, data);
    }

    private static String optionalString(JsonReader reader, String name) throws IOException {
        JsonToken token = reader.peek();
        if (token == JsonToken.NULL) {
            reader.nextNull();
            return null;
        }
        if (token != JsonToken.STRING) {
            throw new IllegalArgumentException(name + " is not a string");
        }
        return reader.nextString();
    }
}
