package io.github.tiktokevents.internal.wire;

import com.google.gson.Gson;
import io.github.tiktokevents.client.JSON;
import io.github.tiktokevents.client.model.TikTokResponse;

/**
 * The facade's Gson, for reading TikTok's envelope: derived once from the generated client's, so the generated
 * adapters apply, and never touching the generated {@code JSON}'s global setters. Request bodies of both editions
 * are written by the writers generated into the event package instead.
 */
final class WireJson {
    private static final Gson GSON = JSON.getGson().newBuilder().create();

    private WireJson() {
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
