package io.github.tiktokevents.outbox.jdbc.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The outbox table's rows: written with the caller's connection, claimed, deleted, released and marked refused
 * with connections of its own from a {@link DataSource}.
 *
 * <p>A claim leases rows until {@code now + lease}: no other relay claims them meanwhile, and once the lease has
 * passed (the relay died, or was too slow) any relay claims them again. On PostgreSQL, MySQL and H2 the claim
 * selects with {@code FOR UPDATE SKIP LOCKED} and writes the lease in one short transaction, so concurrent relays
 * neither wait for nor take each other's rows; on SQLite it is one {@code UPDATE} (see {@link SqlDialect#SQLITE}).
 * Times are the injected clock's epoch milliseconds, so the relays' clocks must agree to well within a lease.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class OutboxStore {
    /** Most ids in one {@code IN (...)} list: far below every supported database's parameter limit. */
    private static final int IN_LIST_CHUNK = 500;
    private static final String COLUMNS = "id, source, event_id, edition, payload, attempts";

    private final DataSource dataSource;
    private final TableName table;
    private final SqlDialect dialect;
    private final Clock clock;
    private final String insertSql;
    private final String selectDueSql;
    private final String claimAtomicSql;
    private final String selectClaimedSql;

    /**
     * @param dataSource where relays take their connections
     * @param table the table
     * @param dialect the database's dialect
     * @param clock the clock for leases and the times stored
     */
    public OutboxStore(DataSource dataSource, TableName table, SqlDialect dialect, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.table = Objects.requireNonNull(table, "table");
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        this.clock = Objects.requireNonNull(clock, "clock");
        String t = table.qualified();
        String due = "source = ? AND refused_at IS NULL AND (claimed_until IS NULL OR claimed_until <= ?)";
        this.insertSql = "INSERT INTO " + t + " (source, event_id, edition, payload, created_at) VALUES (?, ?, ?, ?, ?)";
        this.selectDueSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE " + due
                + " ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED";
        this.claimAtomicSql = "UPDATE " + t + " SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1"
                + " WHERE id IN (SELECT id FROM " + t + " WHERE " + due + " ORDER BY id LIMIT ?)";
        this.selectClaimedSql = "SELECT " + COLUMNS + " FROM " + t + " WHERE claimed_by = ? ORDER BY id";
    }

    /** @return the table */
    public TableName table() {
        return table;
    }

    /** @return the dialect */
    public SqlDialect dialect() {
        return dialect;
    }

    /**
     * Writes rows with the caller's connection, in whatever transaction it is in: nothing is committed here.
     *
     * @param connection the caller's connection
     * @param rows the rows: source, event id and payload of each
     * @throws SQLException as the driver reports it
     */
    public void insert(Connection connection, List<NewRow> rows) throws SQLException {
        long now = clock.millis();
        try (PreparedStatement insert = connection.prepareStatement(insertSql)) {
            for (NewRow row : rows) {
                insert.setString(1, row.source());
                insert.setString(2, row.eventId());
                insert.setString(3, row.edition());
                insert.setBytes(4, row.payload());
                insert.setLong(5, now);
                if (rows.size() == 1) {
                    insert.executeUpdate();
                } else {
                    insert.addBatch();
                }
            }
            if (rows.size() > 1) {
                insert.executeBatch();
            }
        }
    }

    /**
     * Claims up to {@code max} due rows of one source, oldest first, until {@code now + leaseMillis}.
     *
     * @param source the source, as on the wire
     * @param max most rows
     * @param leaseMillis how long the claim holds
     * @param claimToken unique to this claim; written in {@code claimed_by}
     * @return the claimed rows, in id order; empty when none is due
     * @throws SQLException as the driver reports it; nothing is claimed then
     */
    public List<StoredRow> claim(String source, int max, long leaseMillis, String claimToken) throws SQLException {
        long now = clock.millis();
        long until = now + leaseMillis;
        try (Connection c = dataSource.getConnection()) {
            if (dialect.skipLocked()) {
                return inTransaction(c, () -> claimSkippingLocked(c, source, max, now, until, claimToken));
            }
            try (PreparedStatement claim = c.prepareStatement(claimAtomicSql)) {
                claim.setString(1, claimToken);
                claim.setLong(2, until);
                claim.setString(3, source);
                claim.setLong(4, now);
                claim.setInt(5, max);
                if (claim.executeUpdate() == 0) {
                    return List.of();
                }
            }
            try (PreparedStatement select = c.prepareStatement(selectClaimedSql)) {
                select.setString(1, claimToken);
                return readRows(select, claimToken, false);
            }
        }
    }

    private List<StoredRow> claimSkippingLocked(Connection c, String source, int max, long now, long until,
                                                String token) throws SQLException {
        List<StoredRow> rows;
        try (PreparedStatement select = c.prepareStatement(selectDueSql)) {
            select.setString(1, source);
            select.setLong(2, now);
            select.setInt(3, max);
            rows = readRows(select, token, true);
        }
        List<Long> ids = new ArrayList<>(rows.size());
        rows.forEach(row -> ids.add(row.id()));
        forEachChunk(c, ids, "UPDATE " + table.qualified()
                + " SET claimed_by = ?, claimed_until = ?, attempts = attempts + 1 WHERE id IN ", (ps, next) -> {
                    ps.setString(next, token);
                    ps.setLong(next + 1, until);
                    return next + 2;
                });
        return rows;
    }

    /**
     * Extends the lease of every row a claim still holds: rows already settled hold no claim and are left alone.
     *
     * @param claimToken the claim's token
     * @param untilMillis the new end of the lease, epoch milliseconds
     * @return how many rows the claim still holds
     * @throws SQLException as the driver reports it
     */
    public int renew(String claimToken, long untilMillis) throws SQLException {
        String sql = "UPDATE " + table.qualified() + " SET claimed_until = ? WHERE claimed_by = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, untilMillis);
            ps.setString(2, claimToken);
            int held = ps.executeUpdate();
            commitIfNeeded(c);
            return held;
        }
    }

    /**
     * Deletes rows TikTok accepted. Unconditional: if another relay claimed a row again after this one's lease
     * ran out, the event is delivered all the same, and that relay's copy is deduplicated by TikTok.
     *
     * @param ids the rows
     * @throws SQLException as the driver reports it
     */
    public void delete(List<Long> ids) throws SQLException {
        autoCommitChunks(ids, "DELETE FROM " + table.qualified() + " WHERE id IN ", (ps, next) -> next);
    }

    /**
     * Gives rows back, claimable again at once; only rows still holding the claim token they were claimed with, so a
     * row another relay claimed meanwhile (after this one's lease ran out) stays that relay's.
     *
     * @param claims the rows and their claim tokens
     * @throws SQLException as the driver reports it
     */
    public void release(List<ClaimRef> claims) throws SQLException {
        if (claims.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + table.qualified()
                + " SET claimed_by = NULL, claimed_until = NULL WHERE id = ? AND claimed_by = ?";
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (ClaimRef claim : claims) {
                        ps.setLong(1, claim.id());
                        ps.setString(2, claim.token());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
    }

    /**
     * Marks rows refused for good, keeping TikTok's answer; no relay claims them again.
     *
     * @param refusals the rows and their refusals
     * @throws SQLException as the driver reports it
     */
    public void refuse(List<Refusal> refusals) throws SQLException {
        if (refusals.isEmpty()) {
            return;
        }
        String sql = "UPDATE " + table.qualified() + " SET refused_at = ?, refusal_code = ?, refusal_message = ?,"
                + " refusal_request_id = ?, claimed_by = NULL, claimed_until = NULL WHERE id = ?";
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    for (Refusal refusal : refusals) {
                        ps.setLong(1, refusal.refusedAtMillis());
                        ps.setLong(2, refusal.code());
                        ps.setString(3, refusal.message());
                        ps.setString(4, truncate(refusal.requestId(), 128));
                        ps.setLong(5, refusal.id());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        }
    }

    /**
     * Deletes refused rows a user has taken care of; rows that are not refused are left alone.
     *
     * @param ids the rows
     * @throws SQLException as the driver reports it
     */
    public void forget(List<Long> ids) throws SQLException {
        autoCommitChunks(ids, "DELETE FROM " + table.qualified() + " WHERE refused_at IS NOT NULL AND id IN ",
                (ps, next) -> next);
    }

    /**
     * The refused rows, oldest first.
     *
     * @param max most rows
     * @return the rows
     * @throws SQLException as the driver reports it
     */
    public List<RefusedRow> refused(int max) throws SQLException {
        String sql = "SELECT id, source, event_id, edition, payload, refused_at, refusal_code, refusal_message,"
                + " refusal_request_id FROM " + table.qualified() + " WHERE refused_at IS NOT NULL ORDER BY id LIMIT ?";
        List<RefusedRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, max);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new RefusedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9)));
                }
            }
            commitIfNeeded(c);
        }
        return rows;
    }

    /**
     * How many rows wait for delivery (claimed or not), refused rows excluded.
     *
     * @return the count
     * @throws SQLException as the driver reports it
     */
    public long pendingCount() throws SQLException {
        return count("refused_at IS NULL");
    }

    /**
     * How many refused rows are kept.
     *
     * @return the count
     * @throws SQLException as the driver reports it
     */
    public long refusedCount() throws SQLException {
        return count("refused_at IS NOT NULL");
    }

    private long count(String where) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table.qualified() + " WHERE " + where)) {
            rs.next();
            long n = rs.getLong(1);
            commitIfNeeded(c);
            return n;
        }
    }

    /**
     * Creates the table and its index when they do not exist.
     *
     * @throws SQLException as the driver reports it
     */
    public void createTable() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, () -> {
                try (Statement s = c.createStatement()) {
                    for (String statement : OutboxDdl.statements(dialect, table)) {
                        s.execute(statement);
                    }
                }
                return null;
            });
        }
    }

    private List<StoredRow> readRows(PreparedStatement select, String token, boolean claimNow) throws SQLException {
        List<StoredRow> rows = new ArrayList<>();
        try (ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                // attempts is read before this claim's increment when the claim selects first
                int attempts = rs.getInt(6) + (claimNow ? 1 : 0);
                rows.add(new StoredRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBytes(5), attempts, token));
            }
        }
        return rows;
    }

    private void autoCommitChunks(List<Long> ids, String sqlPrefix, Binder binder) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            inTransaction(c, () -> {
                forEachChunk(c, ids, sqlPrefix, binder);
                return null;
            });
        }
    }

    private static void forEachChunk(Connection c, List<Long> ids, String sqlPrefix, Binder binder)
            throws SQLException {
        for (int from = 0; from < ids.size(); from += IN_LIST_CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_CHUNK));
            StringBuilder sql = new StringBuilder(sqlPrefix).append('(');
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "?" : ", ?");
            }
            sql.append(')');
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int next = binder.bind(ps, 1);
                for (Long id : chunk) {
                    ps.setLong(next++, id);
                }
                ps.executeUpdate();
            }
        }
    }

    private static <T> T inTransaction(Connection c, SqlWork<T> work) throws SQLException {
        boolean autoCommit = c.getAutoCommit();
        if (autoCommit) {
            c.setAutoCommit(false);
        }
        boolean done = false;
        try {
            T result = work.run();
            c.commit();
            done = true;
            return result;
        } finally {
            if (!done) {
                rollbackQuietly(c);
            }
            if (autoCommit) {
                c.setAutoCommit(true);
            }
        }
    }

    private static void commitIfNeeded(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            c.commit();
        }
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting; the pool discards a broken connection
        }
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    /** One unit of work on a connection. */
    @FunctionalInterface
    private interface SqlWork<T> {
        T run() throws SQLException;
    }

    /** Binds the parameters before an id list; returns the index of the first id's parameter. */
    @FunctionalInterface
    private interface Binder {
        int bind(PreparedStatement ps, int first) throws SQLException;
    }
}
