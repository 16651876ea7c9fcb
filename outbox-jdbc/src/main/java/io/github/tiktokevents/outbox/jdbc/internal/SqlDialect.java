package io.github.tiktokevents.outbox.jdbc.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the databases the outbox supports: the DDL resource, and how rows are claimed.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public enum SqlDialect {
    /** PostgreSQL 9.5 or later. */
    POSTGRESQL("postgresql", true),
    /** MySQL 8.0 or later (5.7 has no {@code SKIP LOCKED}), or MariaDB 10.6 or later. */
    MYSQL("mysql", true),
    /** H2 2.x. */
    H2("h2", true),
    /**
     * SQLite: no row locks, but every write locks the whole database, so one {@code UPDATE ... WHERE id IN
     * (SELECT ... LIMIT n)} claims atomically; relays in several processes take turns.
     */
    SQLITE("sqlite", false);

    private final String resourceName;
    private final boolean skipLocked;

    SqlDialect(String resourceName, boolean skipLocked) {
        this.resourceName = resourceName;
        this.skipLocked = skipLocked;
    }

    /** @return the DDL resource beside this package's public class, e.g. {@code postgresql.sql} */
    public String ddlResource() {
        return resourceName + ".sql";
    }

    /**
     * @return true if claiming locks the rows it reads with {@code SELECT ... FOR UPDATE SKIP LOCKED}, so
     *         concurrent relays pass over each other's rows instead of waiting; false for one atomic update
     */
    public boolean skipLocked() {
        return skipLocked;
    }

    /**
     * Tells the database behind a connection from its product name.
     *
     * @param connection an open connection
     * @return the dialect
     * @throws SQLException when the metadata cannot be read
     * @throws IllegalArgumentException for a database the outbox does not support, naming it
     */
    public static SqlDialect of(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String product = meta.getDatabaseProductName();
        String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        String version = String.valueOf(meta.getDatabaseProductVersion());
        if (name.contains("mariadb") || version.toLowerCase(Locale.ROOT).contains("mariadb")) {
            // MySQL's driver reads MariaDB's handshake version 5.5.5-10.11.x: the real version follows the prefix
            if (!atLeast(version.replaceFirst("^5\\.5\\.5-", ""), 10, 6)) {
                throw new IllegalArgumentException("the JDBC outbox needs MariaDB 10.6 or later (SELECT ... FOR UPDATE "
                        + "SKIP LOCKED), found " + version);
            }
            return MYSQL;
        }
        if (name.contains("mysql")) {
            if (!atLeast(version, 8, 0)) {
                throw new IllegalArgumentException("the JDBC outbox needs MySQL 8.0 or later (SELECT ... FOR UPDATE "
                        + "SKIP LOCKED), found " + version);
            }
            return MYSQL;
        }
        if (name.equals("h2")) {
            return H2;
        }
        if (name.contains("sqlite")) {
            return SQLITE;
        }
        throw new IllegalArgumentException("the JDBC outbox supports PostgreSQL, MySQL 8, MariaDB 10.6, H2 2 and SQLite; this "
                + "database is " + product + " (name the dialect explicitly only for one of those)");
    }

    /** Whether a version text such as {@code 10.11.18-MariaDB} or {@code 8.0.36} is at least major.minor. */
    static boolean atLeast(String version, int major, int minor) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^(\\d+)\\.(\\d+)").matcher(version);
        if (!m.find()) {
            return false;
        }
        int foundMajor = Integer.parseInt(m.group(1));
        return foundMajor > major || foundMajor == major && Integer.parseInt(m.group(2)) >= minor;
    }
}
