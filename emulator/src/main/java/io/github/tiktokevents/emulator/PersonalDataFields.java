package io.github.tiktokevents.emulator;

import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * The request fields a spec marks as personal data with {@code x-tiktok-pii}, found by walking each endpoint's
 * request schema, so that a field added to the spec is checked without a change here. Immutable and thread-safe.
 *
 * <p>A field is named by its path from the request body with array positions generalised, such as
 * {@code data[].user.email}.
 */
final class PersonalDataFields {
    /** The vendor extension that marks a property as personal data (its value names the normalisation rule). */
    static final String EXTENSION = "x-tiktok-pii";

    /** What the spec asks of every personal-data value on the wire. */
    private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");
    private static final String ARRAY_ELEMENT = "[]";
    private static final String SCHEMAS = "/components/schemas/";

    private final Map<Endpoint, Set<List<String>>> fields;

    private PersonalDataFields(Map<Endpoint, Set<List<String>>> fields) {
        this.fields = fields;
    }

    /**
     * Walks the request schema of every endpoint through {@code $ref}, {@code allOf}, {@code oneOf},
     * {@code anyOf}, {@code properties} and {@code items}.
     *
     * @param document the whole OpenAPI document
     * @throws IllegalArgumentException when a request schema is missing or a {@code $ref} leads out of the document
     */
    static PersonalDataFields of(JsonNode document) {
        Map<Endpoint, Set<List<String>>> fields = new EnumMap<>(Endpoint.class);
        for (Endpoint endpoint : Endpoint.values()) {
            String ref = "#" + SCHEMAS + endpoint.schemaName();
            Set<List<String>> found = new LinkedHashSet<>();
            new Walk(document, found).schema(resolve(document, ref), List.of(), new HashSet<>(Set.of(ref)));
            fields.put(endpoint, Collections.unmodifiableSet(found));
        }
        return new PersonalDataFields(fields);
    }

    /**
     * The personal-data fields of one endpoint's request.
     *
     * @return paths such as {@code data[].user.email}, in the spec's order
     */
    Set<String> paths(Endpoint endpoint) {
        return fields.get(endpoint).stream().map(PersonalDataFields::format)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    /**
     * The personal-data field a location in a request body is at or under, such as {@code $.data[0].user.email}
     * for {@code $.data[0].user.email[1]}.
     */
    Optional<NodePath> fieldAt(Endpoint endpoint, NodePath location) {
        Set<List<String>> personal = fields.get(endpoint);
        List<String> steps = new ArrayList<>();
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            steps.add(element instanceof Integer ? ARRAY_ELEMENT : String.valueOf(element));
            if (personal.contains(steps)) {
                NodePath field = location;
                for (int up = location.getNameCount() - 1; up > i; up--) {
                    field = field.getParent();
                }
                return Optional.of(field);
            }
        }
        return Optional.empty();
    }

    /**
     * The personal-data fields of a body that hold something other than SHA-256 digests. The schema catches most of
     * them, but a spec may mark a plain {@code type: string} with {@code x-tiktok-pii}: the extension alone promises
     * a digest.
     *
     * @return their locations, such as {@code $.data[0].user.first_name}; null values are left to the schema
     */
    List<NodePath> unhashed(Endpoint endpoint, JsonNode body) {
        List<NodePath> found = new ArrayList<>();
        for (List<String> field : fields.get(endpoint)) {
            collectUnhashed(body, field, 0, new NodePath(PathType.JSON_PATH), found);
        }
        return found;
    }

    private static void collectUnhashed(JsonNode node, List<String> field, int step, NodePath at,
            List<NodePath> found) {
        if (step == field.size()) {
            if (!isDigests(node)) {
                found.add(at);
            }
            return;
        }
        String name = field.get(step);
        if (ARRAY_ELEMENT.equals(name)) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    collectUnhashed(node.get(i), field, step + 1, at.append(i), found);
                }
            }
        } else if (node.isObject() && node.has(name)) {
            collectUnhashed(node.get(name), field, step + 1, at.append(name), found);
        }
    }

    /** TikTok takes one digest or several (an array) wherever the spec allows it; the schema checks which. */
    private static boolean isDigests(JsonNode value) {
        if (value.isNull()) {
            return true;
        }
        if (value.isArray()) {
            for (JsonNode element : value) {
                if (!isDigest(element)) {
                    return false;
                }
            }
            return true;
        }
        return isDigest(value);
    }

    private static boolean isDigest(JsonNode value) {
        return value.isString() && SHA256_HEX.matcher(value.stringValue()).matches();
    }

    private static String format(List<String> steps) {
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (!ARRAY_ELEMENT.equals(step) && path.length() > 0) {
                path.append('.');
            }
            path.append(step);
        }
        return path.toString();
    }

    private static JsonNode resolve(JsonNode document, String ref) {
        if (!ref.startsWith("#/")) {
            // the fields behind it would go unchecked: better to refuse the spec than to let personal data through
            throw new IllegalArgumentException("cannot follow $ref " + ref + " to look for " + EXTENSION
                    + ": only references inside the document are supported");
        }
        JsonNode target = document.at(ref.substring(1));
        if (target.isMissingNode()) {
            throw new IllegalArgumentException("the spec has no " + ref.substring(1));
        }
        return target;
    }

    /** One walk over the schemas reachable from a request schema. */
    private static final class Walk {
        private final JsonNode document;
        private final Set<List<String>> found;

        Walk(JsonNode document, Set<List<String>> found) {
            this.document = document;
            this.found = found;
        }

        /**
         * @param at the path of the instance the schema describes
         * @param refsOnTheWay the {@code $ref}s followed to get here, so a recursive schema ends the walk
         */
        void schema(JsonNode schema, List<String> at, Set<String> refsOnTheWay) {
            if (!schema.isObject()) {
                return;
            }
            String ref = schema.path("$ref").stringValue(null);
            if (ref != null) {
                // OpenAPI 3.0 ignores the siblings of $ref
                if (refsOnTheWay.add(ref)) {
                    schema(resolve(document, ref), at, refsOnTheWay);
                    refsOnTheWay.remove(ref);
                }
                return;
            }
            for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
                for (JsonNode alternative : schema.path(combinator)) {
                    schema(alternative, at, refsOnTheWay);
                }
            }
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                List<String> child = append(at, property.getKey());
                if (isPersonal(property.getValue(), new HashSet<>())) {
                    found.add(child);
                }
                schema(property.getValue(), child, refsOnTheWay);
            }
            schema(schema.path("items"), append(at, ARRAY_ELEMENT), refsOnTheWay);
        }

        /** Marked on the property itself or on a schema it is made of ({@code $ref}, {@code allOf}). */
        private boolean isPersonal(JsonNode schema, Set<String> refsSeen) {
            if (!schema.isObject()) {
                return false;
            }
            if (schema.has(EXTENSION)) {
                return true;
            }
            String ref = schema.path("$ref").stringValue(null);
            if (ref != null) {
                return refsSeen.add(ref) && isPersonal(resolve(document, ref), refsSeen);
            }
            for (JsonNode part : schema.path("allOf")) {
                if (isPersonal(part, refsSeen)) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> append(List<String> at, String step) {
            List<String> child = new ArrayList<>(at.size() + 1);
            child.addAll(at);
            child.add(step);
            return List.copyOf(child);
        }
    }
}
