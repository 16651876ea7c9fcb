package io.github.tiktokevents.client.spec;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates JSON values against schemas of an OpenAPI 3.0 document (networknt, OpenAPI 3.0 dialect).
 *
 * <p>Validation is <b>closed</b>: every object schema that lists {@code properties} and says nothing about
 * {@code additionalProperties} is treated as {@code additionalProperties: false}, so a misspelt or undocumented
 * field in an example or a golden payload fails instead of passing silently. (The wire format stays open: the
 * generated client accepts unknown fields; this strictness applies to what we write down.)
 *
 * <pre>{@code
 * SpecSchemaValidator validator = new SpecSchemaValidator(SpecFile.readTree());
 * List<String> problems = validator.validate("/components/schemas/EventUser", userJson);
 * }</pre>
 */
public final class SpecSchemaValidator {
    private static final String DOCUMENT_IRI = "https://tiktokevents.invalid/spec.json";

    private final SchemaRegistry registry;

    /**
     * Prepares a validator for one document.
     *
     * @param document the whole OpenAPI document (left unchanged)
     */
    public SpecSchemaValidator(JsonNode document) {
        JsonNode closed = document.deepCopy();
        close(closed);
        String json = closed.toString();
        this.registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemas(Map.of(DOCUMENT_IRI, json)));
    }

    /**
     * Validates a value against the schema at a JSON pointer of the document.
     *
     * @param schemaPointer e.g. {@code /components/schemas/EventTrackRequest}
     * @param value the value to check
     * @return one readable line per problem; empty when the value matches
     */
    public List<String> validate(String schemaPointer, JsonNode value) {
        Schema schema = registry.getSchema(SchemaLocation.of(DOCUMENT_IRI + "#" + encodeFragment(schemaPointer)));
        List<Error> errors = schema.validate(value);
        return errors.stream().map(Error::toString).toList();
    }

    /**
     * Validates an example where it stands.
     *
     * @param site the example and its schema
     * @return one readable line per problem, each naming the example's pointer; empty when it matches
     */
    public List<String> validate(ExampleSite site) {
        return validate(site.schemaPointer(), site.example()).stream()
                .map(problem -> site.examplePointer() + ": " + problem)
                .toList();
    }

    private static void close(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Map.Entry<String, JsonNode> entry : object.properties()) {
                String key = entry.getKey();
                if (SpecExampleWalker.NAME_MAPS.contains(key) && entry.getValue().isObject()) {
                    entry.getValue().forEach(SpecSchemaValidator::close); // a property may be named "properties"
                } else if (!SpecExampleWalker.DATA.contains(key) && !key.startsWith("x-")) {
                    close(entry.getValue());
                }
            }
        } else if (node.isArray()) {
            node.forEach(SpecSchemaValidator::close);
        }
    }

    /** Keeps '/' and '~' (pointer syntax) but encodes characters a URI fragment cannot hold, such as '{'. */
    private static String encodeFragment(String pointer) {
        return URLEncoder.encode(pointer, StandardCharsets.UTF_8).replace("%2F", "/").replace("%7E", "~")
                .replace("+", "%20");
    }
}
