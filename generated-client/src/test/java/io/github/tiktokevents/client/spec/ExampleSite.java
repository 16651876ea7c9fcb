package io.github.tiktokevents.client.spec;

import tools.jackson.databind.JsonNode;

/**
 * One {@code example} found in an OpenAPI document, with the schema it must match.
 *
 * @param examplePointer JSON pointer of the example value, e.g. {@code /components/schemas/Page/example}
 * @param schemaPointer JSON pointer of the schema the example illustrates
 * @param example the example value
 */
public record ExampleSite(String examplePointer, String schemaPointer, JsonNode example) {
}
