package io.github.tiktokevents.kafka.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;

/**
 * Converts record values (from JSON maps or Connect Structs) to the types the SDK's builders take. Errors name the
 * TikTok field only, never the value.
 */
final class Values {
    /** A key shown in a field path: the SDK's own rule for additional fields' keys. */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

    private Values() {
    }

    static String text(Object value, String field) {
        if (value instanceof CharSequence text) {
            return text.toString();
        }
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            if (!Double.isFinite(number)) {
                throw new UnmappableRecordException(field + " must be text or a finite number");
            }
            return BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw new UnmappableRecordException(field + " must be text, not " + kind(value));
    }

    static double number(Object value, String field) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof CharSequence text) {
            try {
                return Double.parseDouble(text.toString().trim());
            } catch (NumberFormatException e) {
                throw new UnmappableRecordException(field + " must be a number; the text given is not one");
            }
        }
        throw new UnmappableRecordException(field + " must be a number, not " + kind(value));
    }

    static int integer(Object value, String field) {
        double number = number(value, field);
        if (number != Math.rint(number) || Math.abs(number) > Integer.MAX_VALUE) {
            throw new UnmappableRecordException(field + " must be a whole number within int range");
        }
        return (int) number;
    }

    /** A single value as a one-element list; a collection as its elements. */
    static List<Object> many(Object value) {
        if (value instanceof Collection<?> values) {
            List<Object> list = new ArrayList<>();
            for (Object element : values) {
                if (element != null) {
                    list.add(element);
                }
            }
            return list;
        }
        return List.of(value);
    }

    /** A value for {@code putAdditionalField}: Structs become maps, recursively. */
    static Object json(Object value, String field) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean) {
            return value instanceof CharSequence text ? text.toString() : value;
        }
        if (value instanceof Struct struct) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (Field child : struct.schema().fields()) {
                map.put(child.name(), json(struct.get(child), field + "." + child.name()));
            }
            return map;
        }
        if (value instanceof Map<?, ?> source) {
            Map<String, Object> map = new LinkedHashMap<>();
            source.forEach((key, child) -> map.put(String.valueOf(key), json(child, childPath(field, key))));
            return map;
        }
        if (value instanceof Collection<?> source) {
            List<Object> list = new ArrayList<>();
            source.forEach(child -> list.add(json(child, field + "[]")));
            return list;
        }
        throw new UnmappableRecordException(field + " must be JSON-like, not " + kind(value));
    }

    /** A map entry's path; a key that does not look like a field name (an email, a phone) is not shown. */
    private static String childPath(String field, Object key) {
        return FIELD_NAME.matcher(String.valueOf(key)).matches() ? field + "." + key : field + ".<key>";
    }

    static String kind(Object value) {
        if (value instanceof Struct) {
            return "a Struct";
        }
        if (value instanceof Map) {
            return "a map";
        }
        if (value instanceof Collection) {
            return "a list";
        }
        return "a " + value.getClass().getSimpleName();
    }
}
