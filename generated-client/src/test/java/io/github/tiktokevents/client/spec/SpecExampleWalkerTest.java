package io.github.tiktokevents.client.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The example walker and validator catch broken examples, so {@link SpecExamplesTest} can fail. */
class SpecExampleWalkerTest {
    private static final String MINI_SPEC = """
            openapi: 3.0.3
            info: {title: mini, version: "1"}
            paths:
              /things/{id}:
                get:
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema: {type: integer, minimum: 1, example: 0}
                      example: 7
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/Thing'}
                          example: {size: 1}
                          examples:
                            good: {value: {size: 2}}
                            bad: {value: {size: "two"}}
            components:
              schemas:
                Thing:
                  type: object
                  required: [size]
                  properties:
                    size: {type: integer, example: "big"}
                    example: {type: string, example: fine}
                    properties:
                      type: object
                      properties:
                        colour: {type: string, enum: [red, blue], example: green}
                  example: {size: 3, colur: red}
            """;

    @Test
    void findsExamplesAtEveryLevelWithTheSchemaTheyIllustrate() {
        List<ExampleSite> sites = SpecExampleWalker.findExamples(SpecFile.parseYaml(MINI_SPEC));

        String param = "/paths/~1things~1{id}/get/parameters/0";
        String media = "/paths/~1things~1{id}/get/responses/200/content/application~1json";
        String thing = "/components/schemas/Thing";
        assertThat(sites).extracting(ExampleSite::examplePointer, ExampleSite::schemaPointer).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(param + "/example", param + "/schema"),
                org.assertj.core.groups.Tuple.tuple(param + "/schema/example", param + "/schema"),
                org.assertj.core.groups.Tuple.tuple(media + "/example", media + "/schema"),
                org.assertj.core.groups.Tuple.tuple(media + "/examples/good/value", media + "/schema"),
                org.assertj.core.groups.Tuple.tuple(media + "/examples/bad/value", media + "/schema"),
                org.assertj.core.groups.Tuple.tuple(thing + "/example", thing),
                org.assertj.core.groups.Tuple.tuple(thing + "/properties/size/example", thing + "/properties/size"),
                org.assertj.core.groups.Tuple.tuple(thing + "/properties/example/example",
                        thing + "/properties/example"),
                org.assertj.core.groups.Tuple.tuple(thing + "/properties/properties/properties/colour/example",
                        thing + "/properties/properties/properties/colour"));
    }

    @Test
    void flagsExactlyTheExamplesThatDoNotMatch() {
        JsonNode document = SpecFile.parseYaml(MINI_SPEC);
        SpecSchemaValidator validator = new SpecSchemaValidator(document);

        List<String> failing = SpecExampleWalker.findExamples(document).stream()
                .filter(site -> !validator.validate(site).isEmpty())
                .map(ExampleSite::examplePointer)
                .toList();

        assertThat(failing).containsExactlyInAnyOrder(
                "/paths/~1things~1{id}/get/parameters/0/schema/example", // 0 < minimum 1
                "/paths/~1things~1{id}/get/responses/200/content/application~1json/examples/bad/value", // type
                "/components/schemas/Thing/properties/size/example", // "big" is no integer
                "/components/schemas/Thing/properties/properties/properties/colour/example", // not in the enum
                "/components/schemas/Thing/example"); // misspelt "colur": undocumented field
    }

    @Test
    void catchesABrokenExampleInTheRealSpec() {
        String broken = SpecFile.read().replace("example: 1675220400", "example: \"2023-02-01\"");
        JsonNode document = SpecFile.parseYaml(broken);
        SpecSchemaValidator validator = new SpecSchemaValidator(document);

        List<String> problems = SpecExampleWalker.findExamples(document).stream()
                .flatMap(site -> validator.validate(site).stream())
                .toList();

        assertThat(problems).anySatisfy(problem ->
                assertThat(problem).startsWith("/components/schemas/EventData/properties/event_time/example"));
    }

    @Test
    void catchesAnUnhashedEmailInTheRealSpec() {
        String hash = "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f";
        String broken = SpecFile.read().replace("email: [\"" + hash + "\"]", "email: [\"alice@example.com\"]");
        JsonNode document = SpecFile.parseYaml(broken);
        SpecSchemaValidator validator = new SpecSchemaValidator(document);

        List<String> failing = SpecExampleWalker.findExamples(document).stream()
                .filter(site -> !validator.validate(site).isEmpty())
                .map(ExampleSite::examplePointer)
                .toList();

        assertThat(failing).contains("/components/schemas/EventUser/example");
    }
}
