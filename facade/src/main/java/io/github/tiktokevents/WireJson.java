package io.github.tiktokevents;

import com.google.gson.Gson;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import io.github.tiktokevents.client.JSON;
import io.github.tiktokevents.client.model.EventTrackRequest;
import io.github.tiktokevents.client.model.HashedIdentifiers;
import io.github.tiktokevents.client.model.TikTokResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import okio.Buffer;

/**
 * The facade's own JSON: a private, immutable {@link Gson} derived once from the generated client's (so the
 * generated models' adapters apply), never touching the generated {@code JSON}'s global setters. It also fixes the
 * generated adapter of the {@code oneOf} {@link HashedIdentifiers}, which cannot write its array form.
 */
final class WireJson {
    static final Gson GSON = JSON.getGson().newBuilder()
            .registerTypeAdapter(HashedIdentifiers.class, new HashedIdentifiersAdapter().nullSafe())
            .create();

    private static final byte[] DATA_OPEN = ",\"data\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DATA_CLOSE = "]}".getBytes(StandardCharsets.UTF_8);

    private WireJson() {
    }

    /** One Events API 2.0 {@code data[]} element, as UTF-8. */
    static byte[] eventData(Event event) {
        return GSON.toJson(WireMapper.eventData(event)).getBytes(StandardCharsets.UTF_8);
    }

    /**
     * An Events API 2.0 request body: the envelope is serialised from the generated {@link EventTrackRequest}
     * (without {@code data}), and each event's JSON, made once when the event was first sized or sent, is spliced in.
     */
    static Buffer eventTrackBody(EventTrackRequest envelopeWithoutData, List<Event> events) {
        String envelope = GSON.toJson(envelopeWithoutData.data(null));
        Buffer body = new Buffer();
        body.writeUtf8(envelope, 0, envelope.lastIndexOf('}'));
        body.write(DATA_OPEN);
        for (int i = 0; i < events.size(); i++) {
            if (i > 0) {
                body.writeByte(',');
            }
            body.write(events.get(i).eventTrackJson());
        }
        body.write(DATA_CLOSE);
        return body;
    }

    /** Any other generated model (the 1.0 bodies), serialised when sent. */
    static Buffer body(Object model) {
        return new Buffer().writeUtf8(GSON.toJson(model));
    }

    /** Reads TikTok's envelope; any failure (not JSON, not an object, no code) is a RuntimeException. */
    static TikTokResponse envelope(String body) {
        TikTokResponse response = GSON.fromJson(body, TikTokResponse.class);
        if (response == null || response.getCode() == null) {
            throw new IllegalArgumentException("no envelope code");
        }
        return response;
    }

    /** Writes one digest as a string and several as an array; reads either. */
    private static final class HashedIdentifiersAdapter extends TypeAdapter<HashedIdentifiers> {
        @Override
        public void write(JsonWriter out, HashedIdentifiers value) throws IOException {
            Object instance = value.getActualInstance();
            if (instance instanceof List<?>) {
                out.beginArray();
                for (Object item : (List<?>) instance) {
                    out.value((String) item);
                }
                out.endArray();
            } else {
                out.value((String) instance);
            }
        }

        @Override
        public HashedIdentifiers read(JsonReader in) throws IOException {
            if (in.peek() != JsonToken.BEGIN_ARRAY) {
                return new HashedIdentifiers(in.nextString());
            }
            List<String> values = new ArrayList<>();
            in.beginArray();
            while (in.hasNext()) {
                values.add(in.nextString());
            }
            in.endArray();
            return new HashedIdentifiers(values);
        }
    }
}
