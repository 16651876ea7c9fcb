package io.github.tiktokevents.codegen;

import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Generates the table of event rules ({@code SpecRules}) from the spec's {@code info.x-tiktok-rules}, for the
 * {@code rules} module that the SDK and the emulator both use. Fails, naming the key, when an entry is missing or
 * malformed, so a spec edit cannot quietly drop a rule.
 *
 * <pre>
 * java io.github.tiktokevents.codegen.RulesGenerator spec/tiktok-events-api.yaml rules/target/generated-sources/rules
 * </pre>
 */
public final class RulesGenerator {
    /** The package of the generated table, beside the hand-written checks that read it. */
    public static final String PACKAGE = "io.github.tiktokevents.internal.rules";
    private static final String EXTENSION = "x-tiktok-rules";

    private RulesGenerator() {
    }

    /**
     * Runs the generator.
     *
     * @param args the spec file and the output source folder
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: RulesGenerator <spec.yaml> <output source folder>");
        }
        Path target = Path.of(args[1]).resolve(PACKAGE.replace('.', '/')).resolve("SpecRules.java");
        try {
            Files.createDirectories(target.getParent());
            Files.writeString(target, generate(Path.of(args[0])), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The source of {@code SpecRules}.
     *
     * @param spec the spec file
     * @return the Java source
     */
    public static String generate(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("Cannot read " + spec + ": " + result.getMessages());
        }
        Map<String, Object> extensions = result.getOpenAPI().getInfo().getExtensions();
        Map<?, ?> rules = map(extensions == null ? null : extensions.get(EXTENSION), EXTENSION);
        String name = spec.getFileName().toString();
        JavaFile out = new JavaFile(name, null, PACKAGE);
        out.line("import java.time.Duration;");
        out.line("import java.util.List;");
        out.line("import java.util.Map;");
        out.line("import java.util.Set;");
        out.line("import javax.annotation.processing.Generated;");
        out.line("");
        out.javadoc("The event rules the spec states in {@code info." + EXTENSION + "}, read by {@link EventRules}.",
                "", "<p>Internal: not part of the SDK's API; it may change or disappear in any release.");
        out.line("@Generated(value = \"" + RulesGenerator.class.getName() + "\", comments = \"from " + name + "#/info/" + EXTENSION + "\")");
        out.open("public final class SpecRules {");
        out.line("/** The longest an event of each source may be ago; sources not listed have no window. */");
        out.line("public static final Map<String, Duration> MAX_EVENT_AGE = Map.ofEntries(" + durations(map(rules.get("max-event-age"), "max-event-age")) + ");");
        out.line("/** Beyond this age, an event of a source without a window is sent with a warning. */");
        out.line("public static final Duration EVENT_AGE_WARNING = " + duration(rules.get("event-age-warning"), "event-age-warning") + ";");
        out.line("/** How far ahead of the clock an event time may be. */");
        out.line("public static final Duration FUTURE_TOLERANCE = " + duration(rules.get("future-tolerance"), "future-tolerance") + ";");
        out.line("/** The longest text value of an event, in characters. */");
        out.line("public static final int MAX_TEXT_LENGTH = " + positive(rules.get("max-text-length"), "max-text-length") + ";");
        out.line("/** The largest request body, in bytes. */");
        out.line("public static final int MAX_REQUEST_BYTES = " + positive(rules.get("max-request-bytes"), "max-request-bytes") + ";");
        out.line("/** Whether {@code properties.value} needs {@code properties.currency}. */");
        out.line("public static final boolean VALUE_REQUIRES_CURRENCY = " + bool(rules.get("value-requires-currency"), "value-requires-currency") + ";");
        out.line("/** The currencies TikTok lists. */");
        out.line("public static final Set<String> CURRENCIES = Set.of(" + strings(list(rules.get("currencies"), "currencies")) + ");");
        out.line("/** Standard event names by source, and {@code legacy} names still accepted. */");
        StringJoiner names = new StringJoiner(",\n            ", "\n            ", "");
        map(rules.get("standard-event-names"), "standard-event-names").forEach((source, list) ->
                names.add("Map.entry(" + JavaNames.literal(String.valueOf(source)) + ", List.of(" + strings(list(list, "standard-event-names." + source)) + "))"));
        out.line("public static final Map<String, List<String>> STANDARD_EVENT_NAMES = Map.ofEntries(" + names + ");");
        out.line("");
        out.open("private SpecRules() {");
        out.close("}");
        out.close("}");
        return out.toString();
    }

    private static Map<?, ?> map(Object value, String key) {
        if (!(value instanceof Map<?, ?> map) || map.isEmpty()) {
            throw new IllegalArgumentException("info." + EXTENSION + (key.equals(EXTENSION) ? "" : "." + key) + " must be a non-empty map");
        }
        return map;
    }

    private static List<?> list(Object value, String key) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("info." + EXTENSION + "." + key + " must be a non-empty list");
        }
        return list;
    }

    private static String durations(Map<?, ?> bySource) {
        StringJoiner out = new StringJoiner(", ");
        bySource.forEach((source, value) -> out.add("Map.entry(" + JavaNames.literal(String.valueOf(source)) + ", "
                + duration(value, "max-event-age." + source) + ")"));
        return out.toString();
    }

    private static String duration(Object value, String key) {
        try {
            return "Duration.parse(" + JavaNames.literal(Duration.parse(String.valueOf(value)).toString()) + ")";
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("info." + EXTENSION + "." + key + " must be an ISO-8601 duration such as P28D, not " + value);
        }
    }

    private static long positive(Object value, String key) {
        if (!(value instanceof Number number) || number.longValue() <= 0 || number.longValue() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("info." + EXTENSION + "." + key + " must be a positive integer");
        }
        return number.longValue();
    }

    private static boolean bool(Object value, String key) {
        if (!(value instanceof Boolean flag)) {
            throw new IllegalArgumentException("info." + EXTENSION + "." + key + " must be true or false");
        }
        return flag;
    }

    private static String strings(List<?> values) {
        StringJoiner out = new StringJoiner(", ");
        values.forEach(v -> out.add(JavaNames.literal(String.valueOf(v))));
        return out.toString();
    }
}
