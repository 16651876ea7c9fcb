package io.github.tiktokevents.outbox.jdbc.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The outbox table's DDL for a database, read from the resources the README prints, with the table's name put in.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class OutboxDdl {
    private static final String RESOURCE_DIR = "/io/github/tiktokevents/outbox/jdbc/";
    private static final String INDEX_SUFFIX = "_pending";

    private OutboxDdl() {
    }

    /**
     * The DDL resource as shipped, comments included, for the default table name.
     *
     * @param dialect the database
     * @return the script's text
     */
    public static String script(SqlDialect dialect) {
        try (InputStream in = OutboxDdl.class.getResourceAsStream(RESOURCE_DIR + dialect.ddlResource())) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE_DIR + dialect.ddlResource());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The statements that create the table and its index if they do not exist, without comments.
     *
     * @param dialect the database
     * @param table the table's name
     * @return the statements, in order
     */
    public static List<String> statements(SqlDialect dialect, TableName table) {
        StringBuilder sql = new StringBuilder();
        for (String line : script(dialect).split("\n")) {
            if (!line.strip().startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        String defaultIndex = TableName.DEFAULT + INDEX_SUFFIX;
        // The index first, whose name contains the table's: it is named after the table alone, without a schema.
        String named = sql.toString()
                .replace(defaultIndex, "\u0000")
                .replace(TableName.DEFAULT, table.qualified())
                .replace("\u0000", table.simple() + INDEX_SUFFIX);
        List<String> statements = new ArrayList<>();
        for (String statement : named.split(";")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        return statements;
    }
}
