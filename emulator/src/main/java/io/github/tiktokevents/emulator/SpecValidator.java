package io.github.tiktokevents.emulator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialect;
import com.networknt.schema.dialect.Dialects;
import com.networknt.schema.keyword.NonValidationKeyword;
import com.networknt.schema.keyword.UnknownKeywordFactory;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import com.networknt.schema.serialization.YamlMapperFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks request bodies against the request schemas of a spec, by default the one packaged in this jar, so the
 * emulator accepts and rejects exactly what {@code spec/tiktok-events-api.yaml} describes. Immutable and
 * thread-safe.
 *
 * <p>Messages name the field by its JSON path and never echo the value, which may be personal data. The fields
 * marked {@code x-tiktok-pii} in the spec (see {@link PersonalDataFields}) get one message whatever the schema
 * keyword that failed, and must hold SHA-256 digests even where the schema alone would take any string.
 */
final class SpecValidator {
    /** Where the build puts the spec (see the resources of this module's pom). */
    static final String SPEC_RESOURCE = "io/github/tiktokevents/emulator/tiktok-events-api.yaml";

    private static final int MAX_REPORTED_PROBLEMS = 3;
    private static final String NOT_HASHED = "must be a SHA-256 hash (64 lowercase hex characters):"
            + " normalise and hash personal data before sending it";

    private final Map<Endpoint, Schema> schemas = new EnumMap<>(Endpoint.class);
    private final PersonalDataFields personalData;

    /** The parsed spec is costly to build (about a second) and immutable, so emulators share one. */
    private static final class Shared {
        static final SpecValidator INSTANCE = new SpecValidator("classpath:" + SPEC_RESOURCE, packagedSpec());
    }

    /**
     * The validator of the spec packaged in this jar, parsed on first use and shared by the whole JVM.
     */
    static SpecValidator shared() {
        return Shared.INSTANCE;
    }

    /**
     * Parses a copy of the spec for one emulator.
     *
     * @throws UncheckedIOException when the file cannot be read
     * @throws IllegalArgumentException when it is not an OpenAPI document with the request schemas
     */
    static SpecValidator of(Path spec) {
        String text;
        try {
            text = Files.readString(spec, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            // the exception's own message is only the file name
            throw new UncheckedIOException("cannot read the spec " + spec + " (no such file)", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spec " + spec, e);
        }
        String iri = spec.toAbsolutePath().normalize().toUri().toString();
        // the schema registry picks its parser by the extension of the document's IRI; YAML reads JSON too
        if (!iri.endsWith(".yaml") && !iri.endsWith(".yml")) {
            iri += ".yaml";
        }
        try {
            return new SpecValidator(iri, text);
        } catch (IllegalArgumentException | JacksonException | SchemaException e) {
            throw new IllegalArgumentException("not a usable spec: " + spec + ": " + e.getMessage(), e);
        }
    }

    /**
     * @param iri where the document is, for resolving its references
     * @param text the document; the schema registry gets this text rather than the file, so both readings below
     *     see the same document
     */
    private SpecValidator(String iri, String text) {
        JsonNode document = YamlMapperFactory.getInstance().readTree(text);
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("the spec is not a YAML or JSON object");
        }
        personalData = PersonalDataFields.of(document);
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        // The spec's vendor extensions (x-tiktok-pii, x-tiktok-rules, ...) are annotations for our generators: known
        // as such, the validator does not log a warning for each of them every time an emulator starts.
        Dialect dialect = Dialect.builder(Dialects.getOpenApi30())
                .unknownKeywordFactory((keyword, context) -> keyword.startsWith("x-")
                        ? new NonValidationKeyword(keyword)
                        : UnknownKeywordFactory.getInstance().getKeyword(keyword, context))
                .build();
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(dialect,
                builder -> builder.schemaRegistryConfig(config).schemas(Map.of(iri, text)));
        for (Endpoint endpoint : Endpoint.values()) {
            Schema schema = registry.getSchema(SchemaLocation.of(iri + "#/components/schemas/" + endpoint.schemaName()));
            schema.initializeValidators();
            schemas.put(endpoint, schema);
        }
    }

    private static String packagedSpec() {
        try (InputStream in = SpecValidator.class.getClassLoader().getResourceAsStream(SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the spec is not packaged at " + SPEC_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the packaged spec " + SPEC_RESOURCE, e);
        }
    }

    /**
     * The request fields the spec marks as personal data.
     *
     * @return paths with array positions generalised, such as {@code data[].user.email}
     */
    Set<String> personalDataPaths(Endpoint endpoint) {
        return personalData.paths(endpoint);
    }

    /**
     * Validates one request body.
     *
     * @return a message naming the first few bad fields, or empty when the body conforms
     */
    Optional<String> problems(Endpoint endpoint, JsonNode body) {
        List<Error> errors = schemas.get(endpoint).validate(body);
        List<NodePath> unhashed = personalData.unhashed(endpoint, body);
        if (errors.isEmpty() && unhashed.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> byField = new LinkedHashMap<>();
        // oneOf only says "no alternative matched": report it only where nothing more precise was found
        errors.stream().filter(error -> !"oneOf".equals(error.getKeyword()))
                .forEach(error -> note(byField, endpoint, error));
        errors.stream().filter(error -> "oneOf".equals(error.getKeyword()))
                .forEach(error -> note(byField, endpoint, error));
        unhashed.forEach(field -> byField.putIfAbsent(field.toString(), NOT_HASHED));
        List<String> parts = new ArrayList<>();
        byField.entrySet().stream().limit(MAX_REPORTED_PROBLEMS)
                .forEach(entry -> parts.add(entry.getKey() + ": " + entry.getValue()));
        String more = byField.size() > MAX_REPORTED_PROBLEMS
                ? " (and " + (byField.size() - MAX_REPORTED_PROBLEMS) + " more)" : "";
        return Optional.of("Invalid parameters: " + String.join("; ", parts) + more);
    }

    private void note(Map<String, String> byField, Endpoint endpoint, Error error) {
        // a required field is reported at its parent's location: a missing personal-data field is just missing
        Optional<NodePath> personal = personalData.fieldAt(endpoint, error.getInstanceLocation());
        if (personal.isPresent()) {
            byField.putIfAbsent(personal.get().toString(), NOT_HASHED);
        } else {
            byField.putIfAbsent(fieldOf(error), describe(error));
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
}
