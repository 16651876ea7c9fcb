package io.github.tiktokevents.emulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tiktokevents.client.ApiClient;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.client.model.EventData;
import io.github.tiktokevents.client.model.EventSource;
import io.github.tiktokevents.client.model.EventTrackRequest;
import io.github.tiktokevents.client.model.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/** Ways to talk to an emulator in tests: the generated EventApi, and raw HTTP for what EventApi cannot send. */
final class Clients {
    static final String PIXEL = "CE3VQJJC77U1234ABCD0";
    static final MediaType JSON = MediaType.get("application/json");

    /**
     * One shared client: OkHttp's silent retry of requests whose connection dropped is off, so every request the
     * test makes reaches the emulator exactly once.
     */
    static final OkHttpClient HTTP = new OkHttpClient.Builder()
            .retryOnConnectionFailure(false)
            .readTimeout(Duration.ofSeconds(10))
            .build();

    private Clients() {
    }

    static EventApi eventApi(TikTokEmulator emulator) {
        return eventApi(emulator, emulator.accessToken());
    }

    static EventApi eventApi(TikTokEmulator emulator, String token) {
        ApiClient client = new ApiClient(HTTP);
        client.setBasePath(emulator.baseUrl());
        client.setApiKey(token);
        return new EventApi(client);
    }

    static EventTrackRequest webRequest(EventData... events) {
        EventTrackRequest request = new EventTrackRequest().eventSource(EventSource.WEB).eventSourceId(PIXEL);
        for (EventData event : events) {
            request.addDataItem(event);
        }
        return request;
    }

    static EventData event(String name, String id) {
        return new EventData().event(name).eventId(id).eventTime(Instant.now().getEpochSecond())
                .page(new Page().url("https://shop.example"));   // web events need a page (a shared rule)
    }

    /** Posts a raw body with the emulator's token; returns the HTTP status and the parsed envelope. */
    static Answer post(TikTokEmulator emulator, Endpoint endpoint, String body) {
        return send(new Request.Builder().url(emulator.url(endpoint))
                .header("Access-Token", emulator.accessToken())
                .post(RequestBody.create(body, JSON)).build());
    }

    static Answer send(Request request) {
        try (Response response = HTTP.newCall(request).execute()) {
            String text = response.body().string();
            return new Answer(response.code(), text, response.header("Retry-After"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A raw HTTP answer. */
    record Answer(int status, String body, String retryAfter) {
        JsonObject envelope() {
            return JsonParser.parseString(body).getAsJsonObject();
        }

        long code() {
            return envelope().get("code").getAsLong();
        }

        String message() {
            return envelope().get("message").getAsString();
        }
    }
}
