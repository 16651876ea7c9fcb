package io.github.tiktokevents.internal.wire;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;

/**
 * Writes the values the generated writers cannot write with one {@link JsonOut} call: identifier lists, additional
 * fields of any JSON shape, and the first of several values where Events API 1.0 takes one.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class JsonValues {
    private JsonValues() {
    }

    /**
     * One digest as a string, several as an array (both are what TikTok accepts); nothing when there is none.
     *
     * @param out the writer
     * @param name the pre-encoded field name
     * @param values the values
     */
    public static void identifiers(JsonOut out, byte[] name, List<String> values) {
        if (values.size() == 1) {
            out.name(name).value(values.get(0));
        } else if (!values.isEmpty()) {
            strings(out, name, values);
        }
    }

    /**
     * An array of strings; nothing when there is none.
     *
     * @param out the writer
     * @param name the pre-encoded field name
     * @param values the values
     */
    public static void strings(JsonOut out, byte[] name, List<String> values) {
        if (values.isEmpty()) {
            return;
        }
        out.name(name).beginArray();
        for (int i = 0; i < values.size(); i++) { // indexed: no iterator per event
            out.value(values.get(i));
        }
        out.endArray();
    }

    /**
     * A number field: the {@code BigDecimal} given, exactly, else the double as a plain decimal; nothing when the
     * double is NaN (absent).
     *
     * @param out the writer
     * @param name the pre-encoded field name
     * @param number the value, NaN when absent
     * @param exact the value as given to a {@code BigDecimal} setter, or null
     */
    public static void number(JsonOut out, byte[] name, double number, BigDecimal exact) {
        if (exact != null) {
            out.name(name).number(exact.toPlainString());
        } else if (!Double.isNaN(number)) {
            out.name(name).value(number);
        }
    }

    /**
     * The first value only, for Events API 1.0 fields that take one where 2.0 takes several.
     *
     * @param out the writer
     * @param name the pre-encoded field name
     * @param values the values, possibly null or empty
     */
    public static void first(JsonOut out, byte[] name, List<String> values) {
        if (values != null && !values.isEmpty()) {
            out.name(name).value(values.get(0));
        }
    }

    /**
     * An object's additional fields, after its modelled ones.
     *
     * @param out the writer
     * @param fields the fields (already checked to be JSON)
     */
    public static void writeFields(JsonOut out, Map<String, Object> fields) {
        if (fields.isEmpty()) {
            return;
        }
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            out.fieldName(field.getKey());
            value(out, field.getValue());
        }
    }

    private static void value(JsonOut out, Object value) {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String text) {
            out.value(text);
        } else if (value instanceof Boolean flag) {
            out.value(flag.booleanValue());
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.value(((Number) value).longValue());
        } else if (value instanceof BigDecimal decimal) {
            out.number(decimal.toPlainString());
        } else if (value instanceof BigInteger integer) {
            out.number(integer.toString());
        } else if (value instanceof Number number) {
            out.value(number.doubleValue());
        } else if (value instanceof Map<?, ?> map) {
            out.beginObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.fieldName((String) entry.getKey());
                value(out, entry.getValue());
            }
            out.endObject();
        } else {
            out.beginArray();
            for (Object element : (List<?>) value) {
                value(out, element);
            }
            out.endArray();
        }
    }
}
