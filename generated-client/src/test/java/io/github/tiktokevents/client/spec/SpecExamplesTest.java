package io.github.tiktokevents.client.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every {@code example} in the spec matches its schema (closed: no undocumented field either). */
class SpecExamplesTest {
    private final JsonNode document = SpecFile.readTree();
    private final List<ExampleSite> sites = SpecExampleWalker.findExamples(document);

    @Test
    void everyExampleMatchesItsSchema() {
        SpecSchemaValidator validator = new SpecSchemaValidator(document);

        List<String> problems = sites.stream().flatMap(site -> validator.validate(site).stream()).toList();

        assertThat(problems).as("examples that do not match their schema").isEmpty();
    }

    @Test
    void walkReachesSchemaPropertyParameterAndMediaTypeExamples() {
        List<String> pointers = sites.stream().map(ExampleSite::examplePointer).toList();

        assertThat(pointers).contains(
                "/components/schemas/EventTrackRequest/example",
                "/components/schemas/EventUser/properties/email/example",
                "/components/schemas/EventData/properties/event_time/example",
                "/components/parameters/ApiVersion/example",
                "/components/parameters/ApiVersion/schema/example",
                "/components/responses/Envelope/content/application~1json/example");
        assertThat(sites).hasSizeGreaterThan(100);
    }

    @Test
    void everySchemaAndEveryLeafPropertyHasAnExample() {
        List<String> missing = new java.util.ArrayList<>();
        for (var schema : document.path("components").path("schemas").properties()) {
            if (!schema.getValue().has("example")) {
                missing.add(schema.getKey());
            }
            for (var property : schema.getValue().path("properties").properties()) {
                JsonNode definition = property.getValue();
                boolean leaf = definition.has("type") && !definition.path("type").asString().matches("object|array");
                if (leaf && !definition.has("example")) {
                    missing.add(schema.getKey() + "." + property.getKey());
                }
            }
        }

        assertThat(missing).as("schemas and scalar properties without an example").isEmpty();
    }
}
