package io.github.tiktokevents.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Edits the text of the packaged spec the way a spec author would, so tests can run an emulator against a changed
 * copy. Edits find their place by the spec's layout (components at four spaces, their properties at eight) and fail
 * loudly when the layout changed, rather than write a copy that silently tests nothing.
 */
final class SpecCopies {
    private SpecCopies() {
    }

    /** The spec this emulator was built with. */
    static String packaged() {
        try (InputStream in = SpecCopies.class.getClassLoader().getResourceAsStream(SpecValidator.SPEC_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("no packaged spec at " + SpecValidator.SPEC_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Adds a property to a schema of {@code components/schemas}.
     *
     * @param property the property's YAML, starting at column 0 with its name (re-indented here)
     */
    static String addProperty(String spec, String schema, String property) {
        int[] section = section(spec, schema);
        Matcher properties = Pattern.compile("\n      properties:\n").matcher(spec).region(section[0], section[1]);
        if (!properties.find()) {
            throw new IllegalStateException("components/schemas/" + schema + " has no properties: in the spec");
        }
        String indented = property.strip().lines().map(line -> "        " + line + "\n")
                .reduce("", String::concat);
        return spec.substring(0, properties.end()) + indented + spec.substring(properties.end());
    }

    /** Adds a value to the flow-style {@code enum: [...]} of a schema of {@code components/schemas}. */
    static String addEnumValue(String spec, String schema, String value) {
        int[] section = section(spec, schema);
        Matcher enumeration = Pattern.compile("\n      enum: \\[([^\\]\n]*)]").matcher(spec)
                .region(section[0], section[1]);
        if (!enumeration.find()) {
            throw new IllegalStateException("components/schemas/" + schema + " has no enum: [...] in the spec");
        }
        return spec.substring(0, enumeration.end(1)) + ", " + value + spec.substring(enumeration.end(1));
    }

    static Path write(Path dir, String fileName, String spec) {
        try {
            return Files.writeString(dir.resolve(fileName), spec, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** From the schema's name line to the next line at its indentation (or less). */
    private static int[] section(String spec, String schema) {
        int start = spec.indexOf("\n    " + schema + ":\n");
        if (start < 0) {
            throw new IllegalStateException("no components/schemas/" + schema + " in the spec");
        }
        Matcher next = Pattern.compile("\n {0,4}[^ \n]").matcher(spec);
        int end = next.find(start + 1) ? next.start() : spec.length();
        return new int[] {start, end};
    }
}
