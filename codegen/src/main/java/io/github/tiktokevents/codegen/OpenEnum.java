package io.github.tiktokevents.codegen;

import java.util.List;

/**
 * An open value type generated from an {@code enum}: constants for the listed values, {@code of(String)} for others.
 *
 * @param javaName the class name
 * @param description the schema's description
 * @param values the listed values, in spec order
 */
record OpenEnum(String javaName, String description, List<String> values) {
}
