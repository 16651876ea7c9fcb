package io.github.tiktokevents.outbox.jdbc;

import io.github.tiktokevents.outbox.jdbc.internal.SqlDialect;
import com.mysql.cj.jdbc.MysqlDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Assumptions;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The real databases the tests run on: one embedded PostgreSQL server for the whole test JVM (its binaries come from
 * Maven Central; the first start unpacks them), in-memory H2, and SQLite files. Each test gets its own table name.
 * MySQL 8 or MariaDB 10.6+ only when the environment variable {@value #MYSQL_URL} holds a JDBC URL with credentials
 * (for example {@code jdbc:mysql://127.0.0.1:3306/outbox?user=outbox&password=outbox}); without it those cases are
 * skipped.
 */
final class TestDatabases {
    static final String MYSQL_URL = "TIKTOK_OUTBOX_MYSQL_URL";
    private static final AtomicInteger TABLES = new AtomicInteger();
    private static EmbeddedPostgres postgres;

    private TestDatabases() {
    }

    /** A new, unused table name. */
    static String newTable() {
        return "outbox_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet();
    }

    /** The shared PostgreSQL server, started on first use and stopped when the test JVM exits. */
    static synchronized EmbeddedPostgres postgres() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedPostgres started = postgres;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // the JVM is exiting; the server's directory is temporary
                }
            }));
        }
        return postgres;
    }

    static DataSource dataSource(SqlDialect dialect) {
        switch (dialect) {
            case POSTGRESQL:
                return postgres().getPostgresDatabase();
            case MYSQL: {
                String url = System.getenv(MYSQL_URL);
                Assumptions.assumeTrue(url != null && !url.isBlank(), MYSQL_URL + " names no MySQL server");
                MysqlDataSource mysql = new MysqlDataSource();
                mysql.setUrl(url);
                return mysql;
            }
            case H2: {
                JdbcDataSource h2 = new JdbcDataSource();
                h2.setURL("jdbc:h2:mem:outbox" + TABLES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
                return h2;
            }
            case SQLITE: {
                try {
                    Path file = Files.createTempFile("outbox", ".db");
                    file.toFile().deleteOnExit();
                    SQLiteConfig config = new SQLiteConfig();
                    config.setJournalMode(SQLiteConfig.JournalMode.WAL);
                    config.setBusyTimeout(10_000);
                    SQLiteDataSource sqlite = new SQLiteDataSource(config);
                    sqlite.setUrl("jdbc:sqlite:" + file);
                    return sqlite;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default:
                throw new IllegalArgumentException("no test database for " + dialect);
        }
    }
}
