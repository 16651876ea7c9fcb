package io.github.tiktokevents.client.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Limits and shapes the reference states, checked against the spec's schemas. */
class SpecConstraintsTest {
    private static final String HASH_A = "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f";
    private static final String HASH_B = "973dfe463ec85785f5f95af5ba3906eedb2d931c24e69824a89ea65dba4e813b";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final JsonNode document = SpecFile.readTree();
    private final SpecSchemaValidator validator = new SpecSchemaValidator(document);

    @Test
    void eventTrackDataTakesOneToOneThousandEvents() {
        JsonNode data = document.at("/components/schemas/EventTrackRequest/properties/data");
        assertThat(data.path("minItems").asInt()).isEqualTo(1);
        assertThat(data.path("maxItems").asInt()).isEqualTo(1000);

        String schema = "/components/schemas/EventTrackRequest";
        assertThat(validator.validate(schema, request(1))).isEmpty();
        assertThat(validator.validate(schema, request(1000))).isEmpty();
        assertThat(validator.validate(schema, request(1001))).isNotEmpty();
        assertThat(validator.validate(schema, request(0))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "phone", "external_id"})
    void hashedUserFieldsTakeOneDigestOrAnArrayOfDigests(String field) {
        String schema = "/components/schemas/EventUser";

        assertThat(validator.validate(schema, user(field, NODES.stringNode(HASH_A)))).isEmpty();
        assertThat(validator.validate(schema, user(field, NODES.arrayNode().add(HASH_A).add(HASH_B)))).isEmpty();
        assertThat(validator.validate(schema, user(field, NODES.numberNode(5)))).isNotEmpty();
        assertThat(validator.validate(schema, user(field, NODES.stringNode("alice@example.com")))).isNotEmpty();
        assertThat(validator.validate(schema, user(field, NODES.arrayNode().add("ALICE")))).isNotEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "phone_number", "external_id"})
    void pixelUserFieldsTakeOneDigest(String field) {
        String schema = "/components/schemas/PixelContextUser";

        assertThat(validator.validate(schema, user(field, NODES.stringNode(HASH_A)))).isEmpty();
        assertThat(validator.validate(schema, user(field, NODES.arrayNode().add(HASH_A)))).isNotEmpty();
    }

    @Test
    void contentTypeIsOnEveryContentItemAndAlsoAcceptedOnEventProperties() {
        for (String schema : List.of("Content", "PixelContent", "EventProperties")) {
            JsonNode contentType = document.at("/components/schemas/" + schema + "/properties/content_type");
            assertThat(contentType.at("/allOf/0/$ref").asString()).as(schema)
                    .isEqualTo("#/components/schemas/ContentType");
        }
        assertThat(document.at("/components/schemas/PixelProperties/properties/content_type").isMissingNode()).isTrue();
        assertThat(document.at("/components/schemas/ContentType/enum").toString())
                .isEqualTo("[\"product\",\"product_group\"]");
    }

    @Test
    void everyReturnCodeOfTheReferenceIsDocumentedWithItsRetryAdvice() {
        JsonNode codes = document.at("/components/schemas/TikTokResponse/x-tiktok-return-codes");
        List<Long> documented = new java.util.ArrayList<>();
        codes.forEach(code -> {
            assertThat(code.has("meaning") && code.has("retryable") && code.has("success")).as(code.toString()).isTrue();
            documented.add(code.path("code").asLong());
        });

        assertThat(documented).containsExactlyInAnyOrder(0L, 20001L, 40001L, 40002L, 40007L, 40016L, 40100L, 40102L,
                40104L, 40105L, 40132L, 40133L, 40700L, 50000L, 50002L, 51065L);
    }

    private static ObjectNode request(int events) {
        ObjectNode request = NODES.objectNode().put("event_source", "web").put("event_source_id", "CE3VQJJC77U1234ABCD0");
        ArrayNode data = request.putArray("data");
        for (int i = 0; i < events; i++) {
            data.addObject().put("event", "ViewContent").put("event_time", 1675220400L + i);
        }
        return request;
    }

    private static ObjectNode user(String field, JsonNode value) {
        ObjectNode user = NODES.objectNode();
        user.set(field, value);
        return user;
    }
}
