package io.github.tiktokevents.client.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Finds every {@code example} in an OpenAPI 3.0 document: on schemas (component, property, item, composed branch),
 * on parameters and on media types, plus the {@code value} of each entry of an {@code examples} map.
 *
 * <p>An example that sits beside a {@code schema} keyword (parameter, media type, header) illustrates that schema;
 * any other example illustrates the schema object it sits in.
 *
 * <pre>{@code
 * List<ExampleSite> sites = SpecExampleWalker.findExamples(SpecFile.readTree());
 * }</pre>
 */
public final class SpecExampleWalker {
    /** Keywords whose object value maps names to objects: a name there is never a keyword, even "example". */
    static final Set<String> NAME_MAPS = Set.of(
            "paths", "schemas", "properties", "parameters", "responses", "requestBodies", "headers", "content",
            "securitySchemes", "links", "callbacks", "examples");
    /** Keywords whose value is data, not OpenAPI structure: never look inside them. */
    static final Set<String> DATA = Set.of("example", "default", "enum", "value");

    private SpecExampleWalker() {
    }

    /**
     * Lists every example in the document, in document order.
     *
     * @param document the whole OpenAPI document
     * @return the examples and the schema each must match
     */
    public static List<ExampleSite> findExamples(JsonNode document) {
        List<ExampleSite> sites = new ArrayList<>();
        walk(document, "", sites);
        return sites;
    }

    private static void walk(JsonNode node, String pointer, List<ExampleSite> sites) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, sites);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String schemaPointer = node.has("schema") ? pointer + "/schema" : pointer;
        if (node.has("example")) {
            sites.add(new ExampleSite(pointer + "/example", schemaPointer, node.get("example")));
        }
        if (node.has("schema") && node.path("examples").isObject()) {
            for (Map.Entry<String, JsonNode> named : node.get("examples").properties()) {
                if (named.getValue().has("value")) {
                    String at = pointer + "/examples/" + escape(named.getKey()) + "/value";
                    sites.add(new ExampleSite(at, schemaPointer, named.getValue().get("value")));
                }
            }
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String key = entry.getKey();
            if (DATA.contains(key) || key.startsWith("x-")) {
                continue;
            }
            String childPointer = pointer + "/" + escape(key);
            if (NAME_MAPS.contains(key) && entry.getValue().isObject()) {
                for (Map.Entry<String, JsonNode> named : entry.getValue().properties()) {
                    walk(named.getValue(), childPointer + "/" + escape(named.getKey()), sites);
                }
            } else {
                walk(entry.getValue(), childPointer, sites);
            }
        }
    }

    /** Escapes one JSON pointer token (RFC 6901). */
    static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
