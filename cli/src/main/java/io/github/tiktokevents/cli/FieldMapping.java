package io.github.tiktokevents.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Which column feeds which event field: explicit choices (flags over a mapping file) first, then the default header
 * names of {@link MappedField}. Columns whose name starts with {@link #REJECT_COLUMN_PREFIX} never feed a field, so
 * a rejects file can be uploaded again as it is.
 */
final class FieldMapping {
    /** The prefix of the columns the rejects file adds. */
    static final String REJECT_COLUMN_PREFIX = "tiktok_reject";

    private final Map<MappedField, String> explicit;
    /** JSON lines rows may differ in their keys: resolutions are cached by key set, a few at most in practice. */
    private final Map<Collection<String>, Map<MappedField, String>> cache = new HashMap<>();

    private FieldMapping(Map<MappedField, String> explicit) {
        this.explicit = explicit;
    }

    /**
     * Reads the explicit mapping.
     *
     * @param mappingFile a properties file of {@code field=column} lines, or null
     * @param flags the {@code --map field=column} pairs, which win over the file
     * @throws UsageException naming an unknown field or an unreadable file
     */
    static FieldMapping of(Path mappingFile, Map<String, String> flags) {
        Map<MappedField, String> explicit = new EnumMap<>(MappedField.class);
        if (mappingFile != null) {
            Properties file = new Properties();
            try (Reader reader = Files.newBufferedReader(mappingFile, StandardCharsets.UTF_8)) {
                file.load(reader);
            } catch (IOException e) {
                throw new UsageException("cannot read the mapping file " + mappingFile + ": " + e.getMessage(), e);
            }
            file.stringPropertyNames().forEach(key -> explicit.put(field(key), file.getProperty(key).strip()));
        }
        if (flags != null) {
            flags.forEach((key, column) -> explicit.put(field(key), column.strip()));
        }
        return new FieldMapping(explicit);
    }

    private static MappedField field(String key) {
        MappedField field = MappedField.byKey(key);
        if (field == null) {
            throw new UsageException("unknown field '" + key + "' in the mapping; known fields: "
                    + Stream.of(MappedField.values()).map(MappedField::key).collect(Collectors.joining(", ")));
        }
        return field;
    }

    /**
     * The column of each field among the given columns.
     *
     * @param columns the column names of the input (a CSV header, or a JSON lines row's keys)
     * @return the fields that have a column, in field order
     */
    Map<MappedField, String> resolve(Collection<String> columns) {
        List<String> key = List.copyOf(columns);
        Map<MappedField, String> cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Map<String, String> byNormalisedName = new LinkedHashMap<>();
        for (String column : columns) {
            if (!column.startsWith(REJECT_COLUMN_PREFIX)) {
                byNormalisedName.putIfAbsent(MappedField.normalise(column), column);
            }
        }
        // then JSON lines' nested keys by their last part: user.email feeds email unless a column email exists
        for (String column : columns) {
            int dot = column.lastIndexOf('.');
            if (dot > 0 && !column.startsWith(REJECT_COLUMN_PREFIX)) {
                byNormalisedName.putIfAbsent(MappedField.normalise(column.substring(dot + 1)), column);
            }
        }
        Map<MappedField, String> resolved = new EnumMap<>(MappedField.class);
        for (MappedField field : MappedField.values()) {
            String chosen = explicit.get(field);
            if (chosen != null) {
                if (columns.contains(chosen)) {
                    resolved.put(field, chosen);
                }
                continue;
            }
            for (String alias : field.normalisedAliases()) {
                String column = byNormalisedName.get(alias);
                if (column != null) {
                    resolved.put(field, column);
                    break;
                }
            }
        }
        if (cache.size() < 64) {
            cache.put(key, resolved);
        }
        return resolved;
    }

    /**
     * The explicitly mapped columns missing from a CSV header, which are usage errors rather than row problems.
     *
     * @param header the CSV header
     * @return {@code field=column} descriptions, empty when all are present
     */
    Map<String, String> missingFrom(Collection<String> header) {
        Map<String, String> missing = new LinkedHashMap<>();
        explicit.forEach((field, column) -> {
            if (!header.contains(column)) {
                missing.put(field.key(), column);
            }
        });
        return missing;
    }
}
