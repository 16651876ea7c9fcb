package io.github.tiktokevents.benchmarks;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The raw baselines' request bodies: the quick-start event, hashed by hand, in batches serialised once with Gson. */
final class RawBodies {
    private RawBodies() {
    }

    static List<byte[]> of(int events, int batchSize) {
        Sha256Hex sha256 = new Sha256Hex();
        Gson gson = new Gson();
        List<byte[]> bodies = new ArrayList<>();
        for (int start = 0; start < events; start += batchSize) {
            JsonArray data = new JsonArray();
            for (int i = start; i < Math.min(events, start + batchSize); i++) {
                JsonObject request = QuickStartJson.request("event-" + i);
                JsonObject user = QuickStartJson.user(request);
                user.addProperty("email", sha256.hash(QuickStartJson.EMAIL));
                user.addProperty("phone", sha256.hash(QuickStartJson.PHONE));
                user.addProperty("external_id", sha256.hash(QuickStartJson.EXTERNAL_ID));
                data.add(request.getAsJsonArray("data").get(0));
            }
            JsonObject body = QuickStartJson.request("unused");
            body.add("data", data);
            bodies.add(gson.toJson(body).getBytes(StandardCharsets.UTF_8));
        }
        return bodies;
    }
}
