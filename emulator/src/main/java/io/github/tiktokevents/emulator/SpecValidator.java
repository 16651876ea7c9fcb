package io.github.tiktokevents.emulator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.path.PathType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Checks request bodies against the request schemas of the spec packaged in this jar, so the emulator accepts and
 * rejects exactly what {@code spec/tiktok-events-api.yaml} describes. Immutable and thread-safe.
 *
 * <p>Messages name the field by its JSON path and never echo the value, which may be personal data.
 */
final class SpecValidator {
    /** Where the build puts the spec (see the resources of this module's pom). */
    static final String SPEC_RESOURCE = "io/github/tiktokevents/emulator/tiktok-events-api.yaml";

    private static final int MAX_REPORTED_PROBLEMS = 3;
    /** Fields the spec types as Sha256Hex, at any depth, optionally followed by an array index. */
    private static final Pattern PERSONAL_DATA_PATH =
            Pattern.compile(".*\\.(email|phone|phone_number|external_id)(\\[\\d+])?$");

    private final Map<Endpoint, Schema> schemas = new EnumMap<>(Endpoint.class);

    /** The parsed spec is costly to build (about a second) and immutable, so emulators share one. */
    private static final class Shared {
        static final SpecValidator INSTANCE = new SpecValidator();
    }

    static SpecValidator shared() {
        return Shared.INSTANCE;
    }

    private SpecValidator() {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi30(),
                builder -> builder.schemaRegistryConfig(config));
        for (Endpoint endpoint : Endpoint.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(
                    "classpath:" + SPEC_RESOURCE + "#/components/schemas/" + endpoint.schemaName()));
            schema.initializeValidators();
            schemas.put(endpoint, schema);
        }
    }

    /**
     * Validates one request body.
     *
     * @return a message naming the first few bad fields, or empty when the body conforms
     */
    Optional<String> problems(Endpoint endpoint, JsonNode body) {
        List<Error> errors = schemas.get(endpoint).validate(body);
        if (errors.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> byField = new LinkedHashMap<>();
        // oneOf only says "no alternative matched": report it only where nothing more precise was found
        errors.stream().filter(error -> !"oneOf".equals(error.getKeyword())).forEach(error -> note(byField, error));
        errors.stream().filter(error -> "oneOf".equals(error.getKeyword())).forEach(error -> note(byField, error));
        List<String> parts = new ArrayList<>();
        byField.entrySet().stream().limit(MAX_REPORTED_PROBLEMS)
                .forEach(entry -> parts.add(entry.getKey() + ": " + entry.getValue()));
        String more = byField.size() > MAX_REPORTED_PROBLEMS
                ? " (and " + (byField.size() - MAX_REPORTED_PROBLEMS) + " more)" : "";
        return Optional.of("Invalid parameters: " + String.join("; ", parts) + more);
    }

    private static void note(Map<String, String> byField, Error error) {
        String field = fieldOf(error);
        String personal = personalDataField(field);
        if (personal != null) {
            byField.putIfAbsent(personal, "must be a SHA-256 hash (64 lowercase hex characters):"
                    + " normalise and hash personal data before sending it");
        } else {
            byField.putIfAbsent(field, describe(error));
        }
    }

    private static String fieldOf(Error error) {
        String location = error.getInstanceLocation().toString();
        if ("required".equals(error.getKeyword()) && error.getProperty() != null) {
            return location + "." + error.getProperty();
        }
        return location;
    }

    private static String describe(Error error) {
        if ("required".equals(error.getKeyword())) {
            return "is required";
        }
        return error.getMessage();
    }

    /** The personal-data field a path points into (without any array index), or null. */
    private static String personalDataField(String field) {
        return PERSONAL_DATA_PATH.matcher(field).matches() ? field.replaceAll("\\[\\d+]$", "") : null;
    }
}
