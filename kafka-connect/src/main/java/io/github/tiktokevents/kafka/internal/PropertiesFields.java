package io.github.tiktokevents.kafka.internal;

import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.DeliveryCategory;
import io.github.tiktokevents.event.Properties;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code properties} and {@code contents[]} fields a record can fill, by TikTok name. A name not listed here is
 * sent as an additional field, as given.
 */
final class PropertiesFields {
    static final Map<String, Setter<Properties.Builder>> PROPERTIES = properties();
    static final Map<String, Setter<Content.Builder>> CONTENT = content();

    private PropertiesFields() {
    }

    private static Map<String, Setter<Properties.Builder>> properties() {
        Map<String, Setter<Properties.Builder>> setters = new HashMap<>();
        setters.put("content_type", (b, v, f) -> b.contentType(ContentType.of(Values.text(v, f))));
        setters.put("content_ids", (b, v, f) -> Values.many(v).forEach(one -> b.addContentId(Values.text(one, f))));
        setters.put("currency", (b, v, f) -> b.currency(Values.text(v, f)));
        setters.put("value", (b, v, f) -> b.value(Values.number(v, f)));
        setters.put("num_items", (b, v, f) -> b.numItems(Values.integer(v, f)));
        setters.put("search_string", (b, v, f) -> b.searchString(Values.text(v, f)));
        setters.put("query", (b, v, f) -> b.query(Values.text(v, f)));
        setters.put("description", (b, v, f) -> b.description(Values.text(v, f)));
        setters.put("order_id", (b, v, f) -> b.orderId(Values.text(v, f)));
        setters.put("shop_id", (b, v, f) -> b.shopId(Values.text(v, f)));
        setters.put("delivery_category", (b, v, f) -> b.deliveryCategory(DeliveryCategory.of(Values.text(v, f))));
        setters.put("predicted_ltv", (b, v, f) -> b.predictedLtv(Values.number(v, f)));
        return Map.copyOf(setters);
    }

    private static Map<String, Setter<Content.Builder>> content() {
        Map<String, Setter<Content.Builder>> setters = new HashMap<>();
        setters.put("content_id", (b, v, f) -> b.contentId(Values.text(v, f)));
        setters.put("content_type", (b, v, f) -> b.contentType(ContentType.of(Values.text(v, f))));
        setters.put("content_name", (b, v, f) -> b.contentName(Values.text(v, f)));
        setters.put("content_category", (b, v, f) -> b.contentCategory(Values.text(v, f)));
        setters.put("brand", (b, v, f) -> b.brand(Values.text(v, f)));
        setters.put("price", (b, v, f) -> b.price(Values.number(v, f)));
        setters.put("quantity", (b, v, f) -> b.quantity(Values.integer(v, f)));
        return Map.copyOf(setters);
    }
}
