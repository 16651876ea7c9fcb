package io.github.tiktokevents.codegen;

import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Schema;
import java.util.Map;

/** The spec's component schemas and the questions the generator asks of a schema: its reference, type, extensions. */
final class SpecSchemas {
    private final Map<String, Schema<?>> components;

    SpecSchemas(Map<String, Schema<?>> components) {
        this.components = components;
    }

    /** A component by name, or null. */
    Schema<?> component(String name) {
        return name == null ? null : components.get(name);
    }

    @SuppressWarnings("rawtypes")
    static Map<String, Schema> properties(Schema<?> schema) {
        return schema == null || schema.getProperties() == null ? Map.of() : schema.getProperties();
    }

    static Schema<?> property(Schema<?> schema, String name) {
        return properties(schema).get(name);
    }

    static boolean required(Schema<?> schema, String name) {
        return schema.getRequired() != null && schema.getRequired().contains(name);
    }

    /** The component a schema refers to, directly or as the one element of an {@code allOf}. */
    static String refName(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.get$ref() != null) {
            return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        }
        if (schema instanceof ComposedSchema composed && composed.getAllOf() != null && composed.getAllOf().size() == 1) {
            return refName(composed.getAllOf().get(0));
        }
        return null;
    }

    String typeOf(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        String ref = refName(schema);
        if (ref != null) {
            return typeOf(component(ref));
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        return null;
    }

    boolean isListLike(Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        if ("array".equals(typeOf(schema))) {
            return true;
        }
        if (schema instanceof ComposedSchema composed && composed.getOneOf() != null) {
            for (Schema<?> alternative : composed.getOneOf()) {
                String ref = refName(alternative);
                if (isListLike(ref == null ? alternative : component(ref))) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean isEnum(Schema<?> schema) {
        return schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty();
    }

    static Object extension(Schema<?> schema, String name) {
        return schema == null || schema.getExtensions() == null ? null : schema.getExtensions().get(name);
    }

    static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
