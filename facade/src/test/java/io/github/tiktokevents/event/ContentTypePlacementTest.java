package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.tiktokevents.internal.wire.EventWire;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where {@code content_type} goes (README, "content_type"): on each content item as given, and on Events API 2.0
 * {@code properties} when set there or when every item declares the same type. When the items differ, or some
 * declare none, {@code properties.content_type} is sent only if the caller set it; it is never guessed.
 * Events API 1.0 has it on items only.
 */
class ContentTypePlacementTest {
    @Test
    void itemsThatAgreeGiveThePropertiesTheirType() {
        Event event = event(Properties.builder()
                .addContent(item("1", ContentType.PRODUCT_GROUP))
                .addContent(item("2", ContentType.PRODUCT_GROUP)));

        assertThat(propertiesType(event)).isEqualTo("product_group");
        assertThat(itemTypes(event)).containsExactly("product_group", "product_group");
        assertThat(pixelItemTypes(event)).containsExactly("product_group", "product_group");
        assertThat(event.properties().orElseThrow().contentType()).hasValue(ContentType.PRODUCT_GROUP);
    }

    @Test
    void itemsThatDifferLeaveThePropertiesWithoutOne() {
        Event event = event(Properties.builder()
                .addContent(item("1", ContentType.PRODUCT))
                .addContent(item("2", ContentType.PRODUCT_GROUP)));

        assertThat(propertiesType(event)).isNull();
        assertThat(itemTypes(event)).containsExactly("product", "product_group");
        assertThat(pixelItemTypes(event)).containsExactly("product", "product_group");
    }

    @Test
    void anItemWithoutATypeIsNotGivenOneAndStopsTheGuess() {
        Event event = event(Properties.builder()
                .addContent(item("1", ContentType.PRODUCT))
                .addContent(item("2", null)));

        assertThat(propertiesType(event)).isNull();
        assertThat(itemTypes(event)).containsExactly("product", null);
    }

    @Test
    void anExplicitPropertiesTypeIsSentWhateverTheItemsSay() {
        Event event = event(Properties.builder()
                .contentType(ContentType.PRODUCT)
                .addContent(item("1", ContentType.PRODUCT))
                .addContent(item("2", ContentType.PRODUCT_GROUP))
                .addContent(item("3", null)));

        assertThat(propertiesType(event)).isEqualTo("product");
        assertThat(itemTypes(event)).containsExactly("product", "product_group", null);
    }

    @Test
    void withoutItemsOnlyAnExplicitTypeIsSent() {
        assertThat(propertiesType(event(Properties.builder().contentType(ContentType.PRODUCT_GROUP).addContentId("sku"))))
                .isEqualTo("product_group");
        assertThat(propertiesType(event(Properties.builder().addContentId("sku")))).isNull();
    }

    private static Content item(String id, ContentType type) {
        return Content.builder().contentId(id).contentType(type).build();
    }

    private static Event event(Properties.Builder properties) {
        return Event.builder("AddToCart").epochSeconds(1_700_000_000L).page(Page.of("https://shop.example"))
                .properties(properties.build()).build();
    }

    private static JsonObject v2Properties(Event event) {
        return JsonParser.parseString(new String(EventWire.json(event), StandardCharsets.UTF_8)).getAsJsonObject()
                .getAsJsonObject("properties");
    }

    private static String propertiesType(Event event) {
        JsonObject properties = v2Properties(event);
        return properties.has("content_type") ? properties.get("content_type").getAsString() : null;
    }

    private static List<String> itemTypes(Event event) {
        return types(v2Properties(event));
    }

    private static List<String> pixelItemTypes(Event event) {
        JsonObject v1 = JsonParser.parseString("{" + new String(EventWire.pixelFields(event), StandardCharsets.UTF_8) + "}")
                .getAsJsonObject().getAsJsonObject("properties");
        assertThat(v1.has("content_type")).as("1.0 properties have no content_type").isFalse();
        return types(v1);
    }

    private static List<String> types(JsonObject properties) {
        List<String> types = new ArrayList<>();
        properties.getAsJsonArray("contents").forEach(item -> {
            JsonObject content = item.getAsJsonObject();
            types.add(content.has("content_type") ? content.get("content_type").getAsString() : null);
        });
        return types;
    }
}
