package io.github.tiktokevents.kafka.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * A dotted path into a record value, such as {@code customer.email}: each step reads a key of a schemaless
 * {@code Map} or a field of a Connect {@code Struct}. A missing step or a null value reads as empty, so optional
 * fields need no special configuration.
 */
public final class FieldPath {
    private final String text;
    private final List<String> steps;

    private FieldPath(String text) {
        this.text = text;
        this.steps = List.of(text.split("\\.", -1));
    }

    /**
     * Parses a path.
     *
     * @param text dot-separated names, none empty
     * @return the path
     * @throws IllegalArgumentException when the path is blank or has an empty step
     */
    public static FieldPath of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a field path must not be blank");
        }
        String trimmed = text.trim();
        for (String step : trimmed.split("\\.", -1)) {
            if (step.isEmpty()) {
                throw new IllegalArgumentException("the field path '" + trimmed + "' has an empty step");
            }
        }
        return new FieldPath(trimmed);
    }

    /**
     * Reads the value at this path.
     *
     * @param root a {@code Map} or {@code Struct}
     * @return the value, or empty when a step is missing or null
     */
    public Optional<Object> read(Object root) {
        Object current = root;
        for (String step : steps) {
            current = child(current, step);
            if (current == null) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    private static Object child(Object parent, String name) {
        if (parent instanceof Map<?, ?> map) {
            return map.get(name);
        }
        if (parent instanceof Struct struct) {
            Field field = struct.schema().field(name);
            return field == null ? null : struct.get(field);
        }
        return null;
    }

    @Override
    public String toString() {
        return text;
    }
}
