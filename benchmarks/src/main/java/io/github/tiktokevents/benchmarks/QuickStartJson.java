package io.github.tiktokevents.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The README's quick-start event as a pre-built Gson tree: what a hand-written integration would post to
 * {@code /event/track/}, with the three personal values left to be filled in with their hashes.
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
}
