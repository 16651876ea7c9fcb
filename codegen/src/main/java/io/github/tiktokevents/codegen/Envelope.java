package io.github.tiktokevents.codegen;

import java.util.List;

/**
 * A request envelope (or the 1.0 batch item's constant part): its properties in spec order, each with the client
 * value that fills it ({@code x-tiktok-setting}).
 *
 * @param schemaName the spec's schema name
 * @param fields the properties
 */
record Envelope(String schemaName, List<Field> fields) {

    /**
     * One envelope property.
     *
     * @param wireName its JSON name
     * @param setting {@code event-source}, {@code source-id}, {@code test-event-code}, {@code partner-name},
     *                {@code events} or {@code constant}
     * @param constant the value of a {@code constant} property, else null
     */
    record Field(String wireName, String setting, String constant) {
    }
}
