package io.github.tiktokevents.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import com.networknt.schema.serialization.YamlMapperFactory;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The personal-data fields come from the spec's {@code x-tiktok-pii} marks, not from a list in the emulator. */
class PersonalDataPathsTest {
    private static final String DIGEST = Clients.sha256("jane@example.com");

    @Test
    void findsTheMarkedFieldsOfEventsApi2InThePackagedSpec() {
        assertThat(SpecValidator.shared().personalDataPaths(Endpoint.EVENT_TRACK))
                .contains("data[].user.email", "data[].user.phone", "data[].user.external_id",
                        "data[].user.first_name", "data[].user.last_name", "data[].user.zip_code")
                .doesNotContain("data[].user.ip", "data[].user.user_agent", "data[].user.ttp", "data[].event_id")
                .allMatch(path -> path.startsWith("data[]."));
    }

    @Test
    void findsTheMarkedFieldsOfEventsApi1InThePackagedSpec() {
        assertThat(SpecValidator.shared().personalDataPaths(Endpoint.PIXEL_TRACK))
                .contains("context.user.email", "context.user.phone_number", "context.user.external_id")
                .doesNotContain("context.ip", "context.user.ttp", "context.user.lead_id");
        assertThat(SpecValidator.shared().personalDataPaths(Endpoint.PIXEL_BATCH))
                .contains("batch[].context.user.email", "batch[].context.user.phone_number")
                .doesNotContain("batch[].context.ip");
    }

    @Test
    void followsRefsAllOfOneOfAndItemsAndStopsAtRecursiveSchemas() {
        PersonalDataFields fields = PersonalDataFields.of(yaml("""
                components:
                  schemas:
                    EventTrackRequest:
                      properties:
                        data:
                          type: array
                          items: {$ref: '#/components/schemas/Event'}
                    Event:
                      allOf:
                        - $ref: '#/components/schemas/Base'
                        - properties:
                            parent: {$ref: '#/components/schemas/Event'}
                    Base:
                      properties:
                        who:
                          oneOf:
                            - {$ref: '#/components/schemas/Person'}
                            - type: array
                              items: {$ref: '#/components/schemas/Person'}
                        plain: {type: string}
                    Person:
                      properties:
                        nickname: {type: string, x-tiktok-pii: text}
                        email: {allOf: [{$ref: '#/components/schemas/MarkedEmail'}]}
                    MarkedEmail: {type: string, x-tiktok-pii: email}
                    PixelTrackRequest: {type: object}
                    PixelBatchRequest: {type: object}
                """));

        assertThat(fields.paths(Endpoint.EVENT_TRACK)).containsExactlyInAnyOrder(
                "data[].who.nickname", "data[].who.email", "data[].who[].nickname", "data[].who[].email");
        assertThat(fields.paths(Endpoint.PIXEL_TRACK)).isEmpty();
    }

    @Test
    void mapsAnErrorLocationToThePersonalDataFieldItIsAtOrUnder() {
        PersonalDataFields fields = PersonalDataFields.of(yaml(SpecCopies.packaged()));
        NodePath element = new NodePath(PathType.JSON_PATH).append("data").append(3).append("user").append("email")
                .append(1);

        assertThat(fields.fieldAt(Endpoint.EVENT_TRACK, element)).map(NodePath::toString)
                .contains("$.data[3].user.email");
        assertThat(fields.fieldAt(Endpoint.EVENT_TRACK, element.getParent().getParent().append("ip"))).isEmpty();
        assertThat(fields.fieldAt(Endpoint.PIXEL_TRACK, element)).isEmpty();
    }

    @Test
    void findsUnhashedValuesOfMarkedFieldsWhateverTheSchemaSays() {
        PersonalDataFields fields = PersonalDataFields.of(yaml("""
                components:
                  schemas:
                    EventTrackRequest:
                      properties:
                        data:
                          items:
                            properties:
                              nickname: {type: string, x-tiktok-pii: text}
                    PixelTrackRequest: {type: object}
                    PixelBatchRequest: {type: object}
                """));
        String upperCase = DIGEST.toUpperCase(Locale.ROOT);
        JsonNode body = yaml("{data: [{nickname: '" + DIGEST + "'}, {nickname: Jane}, {nickname: ['" + DIGEST
                + "', JANE]}, {nickname: null}, {nickname: '" + upperCase + "'}, {nickname: 42}, {other: Jane}]}");

        assertThat(fields.unhashed(Endpoint.EVENT_TRACK, body)).map(NodePath::toString).containsExactly(
                "$.data[1].nickname", "$.data[2].nickname", "$.data[4].nickname", "$.data[5].nickname");
    }

    @Test
    void refusesASpecWhoseReferencesLeaveTheDocument() {
        assertThatThrownBy(() -> PersonalDataFields.of(yaml("""
                components:
                  schemas:
                    EventTrackRequest: {$ref: 'other.yaml#/components/schemas/EventTrackRequest'}
                    PixelTrackRequest: {type: object}
                    PixelBatchRequest: {type: object}
                """))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other.yaml");
        assertThatThrownBy(() -> PersonalDataFields.of(yaml("components: {schemas: {}}")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EventTrackRequest");
    }

    private static JsonNode yaml(String text) {
        return YamlMapperFactory.getInstance().readTree(text);
    }
}
