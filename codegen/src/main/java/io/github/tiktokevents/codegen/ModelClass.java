package io.github.tiktokevents.codegen;

import java.util.List;

/**
 * One facade object generated from an Events API 2.0 schema.
 *
 * @param schemaName the spec's schema name
 * @param javaName the public class name ({@code x-tiktok-class})
 * @param path the JSON path of its first use from the event, e.g. {@code user} or {@code properties.contents[]};
 *             empty for the event itself; used in validation messages
 * @param description the schema's description
 * @param fields its properties, in spec order
 * @param ofArgs the properties of its {@code of(...)} shortcuts ({@code x-tiktok-of}), possibly empty
 * @param checks the hand-written class whose {@code check(Builder)} runs before it is built, or null
 * @param root whether it is the event itself
 */
record ModelClass(String schemaName, String javaName, String path, String description, List<ModelField> fields,
                  List<String> ofArgs, String checks, boolean root) {

    boolean hasPersonalData() {
        return fields.stream().anyMatch(f -> f.piiKind() != null);
    }

    ModelField field(String wireName) {
        return fields.stream().filter(f -> f.wireName().equals(wireName)).findFirst().orElse(null);
    }

    /** The prefix of this object's fields in validation messages: {@code user.} or nothing for the event. */
    String fieldPrefix() {
        return path.isEmpty() ? "" : path + ".";
    }
}
