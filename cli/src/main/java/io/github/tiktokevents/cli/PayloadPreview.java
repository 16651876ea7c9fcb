package io.github.tiktokevents.cli;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import java.util.List;
import java.util.Optional;

/**
 * A dry run's view of an event: its fields under their Events API 2.0 names, built from the event's public accessors,
 * with personal data as the SHA-256 hashes that would be sent. The request itself is written by the SDK.
 */
final class PayloadPreview {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().setPrettyPrinting().create();

    private PayloadPreview() {
    }

    /** The event as indented JSON. */
    static String of(Event event) {
        JsonObject json = new JsonObject();
        json.addProperty("event", event.name());
        json.addProperty("event_time", event.time().getEpochSecond());
        json.addProperty("event_id", event.eventId());
        event.user().ifPresent(user -> json.add("user", user(user)));
        event.properties().ifPresent(properties -> json.add("properties", properties(properties)));
        event.page().ifPresent(page -> {
            JsonObject p = new JsonObject();
            put(p, "url", page.url());
            put(p, "referrer", page.referrer());
            json.add("page", p);
        });
        event.lead().ifPresent(lead -> {
            JsonObject l = new JsonObject();
            put(l, "lead_id", lead.leadId());
            put(l, "lead_event_source", lead.leadEventSource());
            json.add("lead", l);
        });
        return GSON.toJson(json);
    }

    private static JsonObject user(User user) {
        JsonObject json = new JsonObject();
        list(json, "email", user.hashedEmails());
        list(json, "phone", user.hashedPhones());
        list(json, "external_id", user.hashedExternalIds());
        put(json, "first_name", user.hashedFirstName());
        put(json, "last_name", user.hashedLastName());
        put(json, "zip_code", user.hashedZipCode());
        put(json, "city", user.city());
        put(json, "state", user.state());
        put(json, "country", user.country());
        put(json, "ip", user.ip());
        put(json, "user_agent", user.userAgent());
        put(json, "ttclid", user.ttclid());
        put(json, "lead_id", user.leadId());
        return json;
    }

    private static JsonObject properties(Properties properties) {
        JsonObject json = new JsonObject();
        properties.value().ifPresent(v -> json.addProperty("value", v));
        put(json, "currency", properties.currency());
        put(json, "order_id", properties.orderId());
        put(json, "shop_id", properties.shopId());
        put(json, "description", properties.description());
        properties.numItems().ifPresent(n -> json.addProperty("num_items", n));
        properties.contentType().ifPresent(t -> json.addProperty("content_type", t.wireValue()));
        if (!properties.contents().isEmpty()) {
            JsonArray contents = new JsonArray();
            for (Content content : properties.contents()) {
                JsonObject c = new JsonObject();
                put(c, "content_id", content.contentId());
                put(c, "content_name", content.contentName());
                put(c, "content_category", content.contentCategory());
                put(c, "brand", content.brand());
                content.price().ifPresent(p -> c.addProperty("price", p));
                content.quantity().ifPresent(q -> c.addProperty("quantity", q));
                contents.add(c);
            }
            json.add("contents", contents);
        }
        return json;
    }

    private static void list(JsonObject json, String name, List<String> values) {
        if (!values.isEmpty()) {
            JsonArray array = new JsonArray();
            values.forEach(array::add);
            json.add(name, array);
        }
    }

    private static void put(JsonObject json, String name, Optional<String> value) {
        value.ifPresent(v -> json.addProperty(name, v));
    }
}
