package io.github.tiktokevents.internal.wire;

import com.google.gson.Gson;
import io.github.tiktokevents.client.JSON;
import io.github.tiktokevents.client.model.TikTokResponse;
import java.nio.charset.StandardCharsets;

/**
 * The facade's Gson, for the generated models it still serialises (the Events API 1.0 bodies) and for reading
 * TikTok's envelope: derived once from the generated client's, so the generated adapters apply, and never touching
 * the generated {@code JSON}'s global setters. Events API 2.0 events are written by the event package's {@code EventJson} instead.
 */
final class WireJson {
    private static final Gson GSON = JSON.getGson().newBuilder().create();

    private WireJson() {
    }

    /** A generated request model (the 1.0 bodies) as UTF-8, serialised when sent. */
    static byte[] body(Object model) {
        return GSON.toJson(model).getBytes(StandardCharsets.UTF_8);
    }

    /** Reads TikTok's envelope; any failure (not JSON, not an object, no code) is a RuntimeException. */
    static TikTokResponse envelope(String body) {
        TikTokResponse response = GSON.fromJson(body, TikTokResponse.class);
        if (response == null || response.getCode() == null) {
            throw new IllegalArgumentException("no envelope code");
        }
        return response;
    }
}
