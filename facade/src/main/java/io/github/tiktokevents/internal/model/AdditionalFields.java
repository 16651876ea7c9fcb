package io.github.tiktokevents.internal.model;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields a user adds to an object beyond what the spec describes: checked to be JSON (strings, numbers,
 * booleans, null, lists and maps of them) and never a name the object models, so the escape hatch cannot bypass a
 * modelled field's hashing or checks.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class AdditionalFields {
    private static final int MAX_DEPTH = 16;

    private AdditionalFields() {
    }

    /**
     * Adds or replaces one field.
     *
     * @param fields the fields so far ({@code Map.of()} when none)
     * @param path the object's path for error messages ({@code user}; empty for the event)
     * @param modelled the names the object models
     * @param name the field's JSON name
     * @param value the value
     * @return the fields with this one, in the order first given
     * @throws TikTokValidationException if the name is blank or modelled, or the value is not JSON
     */
    public static Map<String, Object> put(Map<String, Object> fields, String path, List<String> modelled, String name, Object value) {
        String where = path.isEmpty() ? "additional field" : path + " additional field";
        if (name == null || name.isBlank()) {
            throw new TikTokValidationException(where, "has a blank name");
        }
        Values.checkUnicode(name, where);
        String field = FieldPaths.child(path, name);
        if (modelled.contains(name)) {
            throw new TikTokValidationException(field, "is modelled: use its own setter, which applies the spec's rules");
        }
        Object copy = checked(value, field, 0);
        Map<String, Object> next = fields.isEmpty() ? new LinkedHashMap<>() : fields;
        next.put(name, copy);
        return next;
    }

    /**
     * The fields as the built object keeps them: unmodifiable, in order.
     *
     * @param fields the builder's fields
     * @return an unmodifiable copy, or the empty map
     */
    public static Map<String, Object> freeze(Map<String, Object> fields) {
        return fields.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** A JSON value, copied where it is a container so later changes by the caller cannot reach the event. */
    private static Object checked(Object value, String field, int depth) {
        if (depth > MAX_DEPTH) {
            throw new TikTokValidationException(field, "is nested more than " + MAX_DEPTH + " levels deep");
        }
        if (value instanceof String text) {
            Values.checkUnicode(text, field);
            return text;
        }
        if (value == null || value instanceof Boolean || value instanceof BigDecimal
                || value instanceof BigInteger || value instanceof Long || value instanceof Integer
                || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new TikTokValidationException(field, "is not a finite number");
            }
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!(entry.getKey() instanceof String key)) {
                    throw new TikTokValidationException(field, "has a map key that is not a string");
                }
                Values.checkUnicode(key, field);
                copy.put(key, checked(entry.getValue(), FieldPaths.child(field, key), depth + 1));
            }
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof Collection<?> list) {
            List<Object> copy = new java.util.ArrayList<>(list.size());
            for (Object element : list) {
                copy.add(checked(element, field + "[]", depth + 1));
            }
            return Collections.unmodifiableList(copy);
        }
        throw new TikTokValidationException(field, "is a " + value.getClass().getSimpleName()
                + ", not a JSON value (string, number, boolean, null, list or map)");
    }
}
