package io.github.tiktokevents.codegen;

/**
 * One property of a facade object.
 *
 * @param wireName the JSON name
 * @param javaName the camelCase name of its setter and field
 * @param kind what it becomes
 * @param typeName the generated class or open value type it holds (OBJECT, OBJECT_LIST, ENUM), else null
 * @param description the spec's description, or null
 * @param piiKind the {@code x-tiktok-pii} rule, or null
 * @param normalise the {@code x-tiktok-normalise} rule, or null
 * @param pattern the schema's {@code pattern}, or null
 * @param minimum the schema's {@code minimum}, or null
 * @param required whether the schema requires it
 */
record ModelField(String wireName, String javaName, FieldKind kind, String typeName, String description,
                  String piiKind, String normalise, String pattern, java.math.BigDecimal minimum, boolean required) {
}
