package io.github.tiktokevents.outbox.local;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.outbox.RefusedEvent;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;

/**
 * The outbox's SQLite database: one table of events, written ahead (WAL) through one connection and read through
 * another, so claims never wait for a write. A row is pending until it is deleted (delivered) or stamped refused.
 * Not thread-safe: {@link LocalOutbox} serialises the writes and the reads apart.
 */
final class SqliteStore implements AutoCloseable {
    static final String FILE = "outbox.db";
    private static final int MAX_PARAMETERS = 500;

    private final Path directory;
    private final Connection writer;
    private final Connection reader;
    private final PreparedStatement insert;
    private final PreparedStatement refuse;

    /** A pending row as the index needs it. */
    record Pending(long key, EventSource source, int bytes) {
    }

    private SqliteStore(Path directory, Connection writer, Connection reader) throws SQLException {
        this.directory = directory;
        this.writer = writer;
        this.reader = reader;
        this.insert = writer.prepareStatement(
                "INSERT INTO events(k, source, event_id, edition, body) VALUES (?, ?, ?, ?, ?)");
        this.refuse = writer.prepareStatement("UPDATE events SET refused_code = ?, refused_message = ?, "
                + "refused_request_id = ?, refused_at = ? WHERE k = ? AND refused_at IS NULL");
    }

    /**
     * Opens (or creates) the database in the directory.
     *
     * @param directory the locked outbox directory
     * @param syncEachCommit true to fsync the log at every commit; false to leave it to {@link WalSyncer}
     */
    static SqliteStore open(Path directory, boolean syncEachCommit) {
        String url = "jdbc:sqlite:" + directory.resolve(FILE);
        Connection writer = null;
        try {
            writer = DriverManager.getConnection(url);
            try (Statement s = writer.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=" + (syncEachCommit ? "FULL" : "NORMAL"));
                s.execute("PRAGMA busy_timeout=10000");
                s.execute("CREATE TABLE IF NOT EXISTS events(k INTEGER PRIMARY KEY, source TEXT NOT NULL, "
                        + "event_id TEXT NOT NULL, edition TEXT NOT NULL, body BLOB NOT NULL, refused_code INTEGER, "
                        + "refused_message TEXT, refused_request_id TEXT, refused_at INTEGER)");
            }
            writer.setAutoCommit(false);
            writer.commit();
            Connection reader = DriverManager.getConnection(url);
            try (Statement s = reader.createStatement()) {
                s.execute("PRAGMA busy_timeout=10000");
            }
            return new SqliteStore(directory, writer, reader);
        } catch (SQLException e) {
            if (writer != null) {
                try {
                    writer.close();
                } catch (SQLException ignored) {
                    // reporting the first failure
                }
            }
            throw failure("open", directory, e);
        }
    }

    /** Every pending row, oldest first, and the largest key used (0 for none). */
    long loadPending(Consumer<Pending> each) {
        try (Statement s = reader.createStatement();
             ResultSet rows = s.executeQuery("SELECT k, source, length(body) FROM events WHERE refused_at IS NULL ORDER BY k")) {
            while (rows.next()) {
                each.accept(new Pending(rows.getLong(1), EventSource.of(rows.getString(2)), rows.getInt(3)));
            }
            try (ResultSet max = s.executeQuery("SELECT coalesce(max(k), 0) FROM events")) {
                return max.next() ? max.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw failure("read", directory, e);
        }
    }

    /** Inserts the events under the given keys in one transaction: durable once this returns. */
    void insert(List<OutboxEvent> events, long[] keys) {
        try {
            for (int i = 0; i < events.size(); i++) {
                OutboxEvent event = events.get(i);
                insert.setLong(1, keys[i]);
                insert.setString(2, event.source().wireValue());
                insert.setString(3, event.eventId());
                insert.setString(4, event.edition().name());
                insert.setBytes(5, event.bodyBytes());
                insert.executeUpdate();
            }
            writer.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("store events in", directory, e);
        }
    }

    /** Deletes rows, pending or refused, in one transaction. */
    void delete(Collection<Long> keys, boolean refusedOnly) {
        try {
            for (List<Long> part : parts(new ArrayList<>(keys))) {
                try (PreparedStatement delete = writer.prepareStatement("DELETE FROM events WHERE k IN ("
                        + placeholders(part.size()) + ")" + (refusedOnly ? " AND refused_at IS NOT NULL" : ""))) {
                    for (int i = 0; i < part.size(); i++) {
                        delete.setLong(i + 1, part.get(i));
                    }
                    delete.executeUpdate();
                }
            }
            writer.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("remove events from", directory, e);
        }
    }

    /** Stamps rows refused, with TikTok's answer, in one transaction. */
    void refuse(List<RefusedEvent> refusals) {
        try {
            for (RefusedEvent refusal : refusals) {
                refuse.setLong(1, refusal.code());
                refuse.setString(2, refusal.message());
                refuse.setString(3, refusal.requestId());
                refuse.setLong(4, refusal.refusedAt().toEpochMilli());
                refuse.setLong(5, refusal.event().key());
                refuse.executeUpdate();
            }
            writer.commit();
        } catch (SQLException e) {
            rollback();
            throw failure("keep refused events in", directory, e);
        }
    }

    /** The pending events with these keys, oldest first. */
    List<OutboxEvent> read(List<Long> keys) {
        List<OutboxEvent> events = new ArrayList<>(keys.size());
        try {
            for (List<Long> part : parts(keys)) {
                try (PreparedStatement select = reader.prepareStatement("SELECT k, source, event_id, edition, body "
                        + "FROM events WHERE refused_at IS NULL AND k IN (" + placeholders(part.size()) + ") ORDER BY k")) {
                    for (int i = 0; i < part.size(); i++) {
                        select.setLong(i + 1, part.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            events.add(new OutboxEvent(rows.getLong(1), EventSource.of(rows.getString(2)),
                                    rows.getString(3), ApiEdition.valueOf(rows.getString(4)), rows.getBytes(5)));
                        }
                    }
                }
            }
            return events;
        } catch (SQLException e) {
            throw failure("read events from", directory, e);
        }
    }

    /** The oldest refusals. */
    List<RefusedEvent> refusals(int max) {
        List<RefusedEvent> refusals = new ArrayList<>();
        try (PreparedStatement select = reader.prepareStatement("SELECT k, source, event_id, edition, body, "
                + "refused_code, refused_message, refused_request_id, refused_at FROM events "
                + "WHERE refused_at IS NOT NULL ORDER BY k LIMIT ?")) {
            select.setInt(1, max);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    OutboxEvent event = new OutboxEvent(rows.getLong(1), EventSource.of(rows.getString(2)),
                            rows.getString(3), ApiEdition.valueOf(rows.getString(4)), rows.getBytes(5));
                    refusals.add(new RefusedEvent(event, rows.getLong(6), rows.getString(7), rows.getString(8),
                            Instant.ofEpochMilli(rows.getLong(9))));
                }
            }
            return refusals;
        } catch (SQLException e) {
            throw failure("read refusals from", directory, e);
        }
    }

    @Override
    public void close() {
        try {
            insert.close();
            refuse.close();
            reader.close();
            writer.close(); // the last connection: SQLite checkpoints the log into the database
        } catch (SQLException e) {
            throw failure("close", directory, e);
        }
    }

    private void rollback() {
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the transaction is gone either way
        }
    }

    private static List<List<Long>> parts(List<Long> keys) {
        List<List<Long>> parts = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_PARAMETERS) {
            parts.add(keys.subList(from, Math.min(keys.size(), from + MAX_PARAMETERS)));
        }
        return parts;
    }

    private static String placeholders(int n) {
        return "?" + ",?".repeat(n - 1);
    }

    /** Names the directory and SQLite's reason; never an event's content. */
    static TikTokException failure(String what, Path directory, SQLException e) {
        return new TikTokException("Could not " + what + " the outbox in " + directory + ": " + e.getMessage(), e);
    }
}
