package io.github.tiktokevents.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.github.tiktokevents.client.model.Content;
import io.github.tiktokevents.client.model.ContentType;
import io.github.tiktokevents.client.model.PixelContent;
import io.github.tiktokevents.client.model.PixelTrackRequest;
import io.github.tiktokevents.client.spec.SpecFile;
import io.github.tiktokevents.client.spec.SpecSchemaValidator;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Realistic request bodies, as TikTok documents them, survive the generated models: read, written back, and the
 * JSON is semantically the same (no field lost, renamed, retyped or added). Each also matches the spec.
 */
class GoldenPayloadRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "eventTrack-web-purchase.json", "eventTrack-app-install.json", "eventTrack-crm-lead.json",
        "pixelTrack-python-readme.json", "pixelBatch-two-events.json"})
    void deserialisesAndSerialisesBackToTheSameJson(String fileName) {
        GoldenPayload golden = GoldenPayload.named(fileName);

        Object model = golden.deserialize();
        JsonElement written = JsonParser.parseString(JSON.getGson().toJson(model));

        assertThat(model).isInstanceOf(golden.modelType());
        assertThat(written).isEqualTo(JsonParser.parseString(golden.json()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "eventTrack-web-purchase.json", "eventTrack-app-install.json", "eventTrack-crm-lead.json",
        "pixelTrack-python-readme.json", "pixelBatch-two-events.json"})
    void matchesTheSpecWithNoUndocumentedField(String fileName) {
        GoldenPayload golden = GoldenPayload.named(fileName);
        SpecSchemaValidator validator = new SpecSchemaValidator(SpecFile.readTree());

        assertThat(validator.validate("/components/schemas/" + golden.schemaName(), SpecFile.parseYaml(golden.json())))
                .isEmpty();
    }

    @Test
    void pythonReadmeEventLandsInTypedFields() {
        PixelTrackRequest request = (PixelTrackRequest) GoldenPayload.named("pixelTrack-python-readme.json")
                .deserialize();

        assertThat(request.getEvent()).isEqualTo("ViewContent");
        assertThat(request.getTimestamp()).isEqualTo(OffsetDateTime.parse("2023-02-01T00:00:00-03:00"));
        assertThat(request.getProperties().getCurrency()).isEqualTo("BRL");
        assertThat(request.getProperties().getValue()).isEqualTo(1.0);
        assertThat(request.getProperties().getDescription()).isEqualTo("mock description");
        assertThat(request.getProperties().getQuery()).isEqualTo("mock query");
        PixelContent content = request.getProperties().getContents().get(0);
        assertThat(content.getContentType()).isEqualTo(ContentType.PRODUCT);
        assertThat(content.getContentId()).isEqualTo("123456789");
        assertThat(content.getContentName()).isEqualTo("mock content name");
        assertThat(content.getContentCategory()).isEqualTo("mock content category");
        assertThat(content.getPrice()).isEqualTo(1.0);
        assertThat(content.getQuantity()).isEqualTo(1);
        assertThat(request.getContext().getUser().getEmail()).matches("[0-9a-f]{64}");
        assertThat(request.getContext().getUser().getPhoneNumber()).matches("[0-9a-f]{64}");
        assertThat(request.getContext().getUser().getExternalId()).matches("[0-9a-f]{64}");
        assertThat(request.getContext().getUser().getTtp()).isNotBlank();
        assertThat(request.getContext().getIp()).isEqualTo("13.57.97.131");
        assertThat(request.getContext().getPage().getUrl()).startsWith("https://");
        assertThat(request.getContext().getPage().getReferrer()).startsWith("https://");
        assertThat(request.getAdditionalProperties()).as("fields the model does not know").isNullOrEmpty();
    }

    @Test
    void anEmptyModelSendsNoEmptyLists() {
        String json = JSON.getGson().toJson(new io.github.tiktokevents.client.model.EventProperties().currency("BRL"));

        assertThat(JsonParser.parseString(json)).isEqualTo(JsonParser.parseString("{\"currency\":\"BRL\"}"));
    }

    @Test
    void contentTypeIsTypedOnTheItem() {
        Content content = JSON.getGson().fromJson("{\"content_id\":\"1\",\"content_type\":\"product_group\"}",
                Content.class);

        assertThat(content.getContentType()).isEqualTo(ContentType.PRODUCT_GROUP);
    }
}
