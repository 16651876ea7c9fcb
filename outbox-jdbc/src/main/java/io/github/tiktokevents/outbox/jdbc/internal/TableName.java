package io.github.tiktokevents.outbox.jdbc.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The outbox table's name, optionally qualified by a schema. SQL cannot bind a table name as a parameter, so the
 * name is spliced into statements: only plain identifiers are accepted, which keeps it from ever carrying SQL.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param qualified the name as written in statements, e.g. {@code app.tiktok_events_outbox}
 * @param simple the table's own name without the schema, from which index names are made
 */
public record TableName(String qualified, String simple) {
    /** The name the DDL resources use. */
    public static final String DEFAULT = "tiktok_events_outbox";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /**
     * Checks and splits a table name.
     *
     * @param name {@code table} or {@code schema.table}, each part a letter or underscore followed by letters,
     *             digits or underscores, at most 63 characters (PostgreSQL's limit)
     * @return the name
     * @throws IllegalArgumentException when the name is not of that form
     */
    public static TableName of(String name) {
        Objects.requireNonNull(name, "table");
        String[] parts = name.split("\\.", -1);
        boolean valid = parts.length <= 2;
        for (String part : parts) {
            valid &= IDENTIFIER.matcher(part).matches();
        }
        if (!valid) {
            throw new IllegalArgumentException("table must be a plain identifier or schema.identifier (letters, "
                    + "digits and underscores, not starting with a digit, at most 63 each), was '" + name + "'");
        }
        return new TableName(name, parts[parts.length - 1]);
    }
}
