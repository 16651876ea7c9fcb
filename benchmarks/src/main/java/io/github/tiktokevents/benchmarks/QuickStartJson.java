package io.github.tiktokevents.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The README's quick-start event as pre-built Gson trees: what a hand-written integration would post to
 * {@code /event/track/} (Events API 2.0) and to {@code /pixel/track/} (Events API 1.0), with the three personal values
 * left to be filled in with their hashes.
 */
final class QuickStartJson {
    static final String EMAIL = "test@test.com";
    static final String PHONE = "+5541998862934";
    static final String EXTERNAL_ID = "123456";
    static final String TTP = "94e2a4j9-h3ss-k2h5-98cc-c84a745mk098";
    static final String TTCLID = "E.C.P.v3fQ2RHacdkfKfofPmlyuStIIHJ4Af1tKYxF9zz2c2PLx1Oaw15oHpcfl5AH";
    static final String IP = "13.57.97.131";
    static final String USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0 Safari/537.36";
    static final String PIXEL = "CE3VQJJC77U1234ABCD0";
    /** The quick-start time (epoch seconds 1675220400) as Events API 1.0 takes it: ISO-8601, whole seconds. */
    static final String TIMESTAMP_ISO = "2023-02-01T03:00:00Z";

    private QuickStartJson() {
    }

    /** The request body with one event; {@link #user(JsonObject)} finds the object to put the hashes in. */
    static JsonObject request(String eventId) {
        JsonObject user = new JsonObject();
        user.addProperty("ttp", TTP);
        user.addProperty("ttclid", TTCLID);
        user.addProperty("ip", IP);
        user.addProperty("user_agent", USER_AGENT);

        JsonObject page = new JsonObject();
        page.addProperty("url", "https://www.example.com");
        page.addProperty("referrer", "https://www.google.com");

        JsonObject content = new JsonObject();
        content.addProperty("content_id", "123456789");
        content.addProperty("content_type", "product");
        content.addProperty("content_name", "mock content name");
        content.addProperty("content_category", "mock content category");
        content.addProperty("price", 1.0);
        content.addProperty("quantity", 1);
        JsonArray contents = new JsonArray();
        contents.add(content);

        JsonObject properties = new JsonObject();
        properties.addProperty("currency", "BRL");
        properties.addProperty("value", 1.0);
        properties.addProperty("description", "mock description");
        properties.addProperty("query", "mock query");
        properties.addProperty("content_type", "product");
        properties.add("contents", contents);

        JsonObject event = new JsonObject();
        event.addProperty("event", "ViewContent");
        event.addProperty("event_time", 1675220400L);
        event.addProperty("event_id", eventId);
        event.add("user", user);
        event.add("page", page);
        event.add("properties", properties);

        JsonArray data = new JsonArray();
        data.add(event);
        JsonObject request = new JsonObject();
        request.addProperty("event_source", "web");
        request.addProperty("event_source_id", PIXEL);
        request.add("data", data);
        return request;
    }

    static JsonObject user(JsonObject request) {
        return request.getAsJsonArray("data").get(0).getAsJsonObject().getAsJsonObject("user");
    }

    /**
     * The Events API 1.0 {@code /pixel/track/} body with one event, fields in the order the SDK writes them;
     * {@link #pixelUser(JsonObject)} finds the object to put the hashes in ({@code email}, {@code phone_number},
     * {@code external_id}).
     */
    static JsonObject pixelRequest(String eventId) {
        JsonObject ad = new JsonObject();
        ad.addProperty("callback", TTCLID);

        JsonObject page = new JsonObject();
        page.addProperty("url", "https://www.example.com");
        page.addProperty("referrer", "https://www.google.com");

        JsonObject user = new JsonObject();
        // the hashes go first, as in the SDK's body; the placeholders keep that order when they are replaced
        user.addProperty("email", "");
        user.addProperty("phone_number", "");
        user.addProperty("external_id", "");
        user.addProperty("ttp", TTP);

        JsonObject context = new JsonObject();
        context.add("ad", ad);
        context.add("page", page);
        context.add("user", user);
        context.addProperty("ip", IP);
        context.addProperty("user_agent", USER_AGENT);

        JsonObject content = new JsonObject();
        content.addProperty("content_id", "123456789");
        content.addProperty("content_type", "product");
        content.addProperty("content_name", "mock content name");
        content.addProperty("content_category", "mock content category");
        content.addProperty("price", 1.0);
        content.addProperty("quantity", 1);
        JsonArray contents = new JsonArray();
        contents.add(content);

        JsonObject properties = new JsonObject();
        properties.add("contents", contents);
        properties.addProperty("currency", "BRL");
        properties.addProperty("value", 1.0);
        properties.addProperty("description", "mock description");
        properties.addProperty("query", "mock query");

        JsonObject request = new JsonObject();
        request.addProperty("pixel_code", PIXEL);
        request.addProperty("event", "ViewContent");
        request.addProperty("event_id", eventId);
        request.addProperty("timestamp", TIMESTAMP_ISO);
        request.add("context", context);
        request.add("properties", properties);
        return request;
    }

    static JsonObject pixelUser(JsonObject pixelRequest) {
        return pixelRequest.getAsJsonObject("context").getAsJsonObject("user");
    }
}
