package io.github.tiktokevents.outbox.jdbc;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.outbox.RefusedEvent;
import io.github.tiktokevents.outbox.jdbc.internal.ClaimRef;
import io.github.tiktokevents.outbox.jdbc.internal.Claims;
import io.github.tiktokevents.outbox.jdbc.internal.InstanceIds;
import io.github.tiktokevents.outbox.jdbc.internal.NewRow;
import io.github.tiktokevents.outbox.jdbc.internal.OutboxStore;
import io.github.tiktokevents.outbox.jdbc.internal.RefusedRow;
import io.github.tiktokevents.outbox.jdbc.internal.Refusal;
import io.github.tiktokevents.outbox.jdbc.internal.SqlDialect;
import io.github.tiktokevents.outbox.jdbc.internal.StoreErrors;
import io.github.tiktokevents.outbox.jdbc.internal.StoredRow;
import io.github.tiktokevents.outbox.jdbc.internal.TableName;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The transactional outbox: TikTok events stored in a table of the application's own database, in the same
 * transaction as the order or lead they describe, and delivered by the processor of every application instance
 * that shares the table. An event rolled back with its transaction is never sent; an event committed is sent even
 * if the process dies right after the commit.
 *
 * <pre>{@code
 * JdbcOutbox outbox = JdbcOutbox.builder(dataSource).build();      // table tiktok_events_outbox
 * EventProcessor relay = tiktok.processor(ProcessorOptions.defaults(), outbox);
 *
 * try (Connection c = dataSource.getConnection()) {
 *     c.setAutoCommit(false);
 *     insertOrder(c, order);
 *     outbox.add(c, Event.builder(EventNames.PLACE_AN_ORDER).eventId("order-" + order.id()).build());
 *     c.commit();                                                  // the order and its event, or neither
 * }
 * }</pre>
 *
 * <p><b>The table.</b> Create it with the DDL this module ships for PostgreSQL, MySQL 8, H2 2 and SQLite (see the
 * README), or call {@link #createTable()}. Each row holds the event's source, {@code event_id}, API edition and
 * request bytes (already normalised and hashed), and, once TikTok refused it for good, TikTok's code, message and
 * request id.
 *
 * <p><b>Several instances.</b> A processor claims a batch of rows with a lease ({@link JdbcOutboxBuilder#lease(Duration)},
 * default 2 minutes): {@code SELECT ... FOR UPDATE SKIP LOCKED} on PostgreSQL, MySQL and H2, so the processors of
 * all instances share the work without waiting on one another. While an instance lives, a daemon thread of its
 * outbox renews the leases of the rows it holds every third of a lease, however long TikTok takes. Rows TikTok
 * accepted are deleted; rows of an instance that died are claimed by another once their lease has passed, and sent
 * again (TikTok deduplicates on {@code event_id}). SQLite has no row locks: each claim there is one atomic update,
 * and instances take turns.
 *
 * <p>Thread-safe. {@link #close()} keeps every row for the next start.
 */
public final class JdbcOutbox implements Outbox {
    private final DataSource dataSource;
    private final TableName table;
    private final Duration lease;
    private final ApiEdition edition;
    private final Clock clock;
    private final String instanceId;
    private final Claims claims;
    private volatile OutboxStore store;
    private volatile boolean closed;

    JdbcOutbox(JdbcOutboxBuilder b) {
        this.dataSource = b.dataSource;
        this.table = b.table;
        this.lease = b.lease;
        this.edition = b.edition;
        this.clock = b.clock;
        this.instanceId = InstanceIds.next();
        this.claims = new Claims(this::store, clock, lease, instanceId, "tiktok-events-outbox-lease-" + table.simple());
    }

    /**
     * Starts configuring an outbox on a database.
     *
     * @param dataSource the application's DataSource; the relay takes its own connections from it, and
     *                   {@link #add(Event)} one for each call
     * @return a builder with the defaults: table {@code tiktok_events_outbox}, a 2-minute lease, Events API 2.0
     */
    public static JdbcOutboxBuilder builder(DataSource dataSource) {
        return new JdbcOutboxBuilder(dataSource);
    }

    /**
     * Writes an event to the outbox with the caller's connection, in the caller's transaction: it is delivered once
     * that transaction commits, and never if it rolls back. Nothing is committed here, and the connection is left
     * open.
     *
     * @param connection the connection of the transaction the event belongs to
     * @param event a built event
     * @throws TikTokException if the insert failed; the caller's transaction should then roll back
     * @throws NullPointerException if an argument is null
     */
    public void add(Connection connection, Event event) {
        add(connection, List.of(Objects.requireNonNull(event, "event")));
    }

    /**
     * Writes events with the caller's connection, in the caller's transaction, as one JDBC batch; see
     * {@link #add(Connection, Event)}.
     *
     * @param connection the connection of the transaction the events belong to
     * @param events built events
     * @throws TikTokException if the insert failed; the caller's transaction should then roll back
     * @throws NullPointerException if an argument or an event is null
     */
    public void add(Connection connection, Collection<Event> events) {
        Objects.requireNonNull(connection, "connection");
        List<NewRow> rows = new ArrayList<>(events.size());
        for (Event event : events) {
            rows.add(newRow(OutboxEvent.of(Objects.requireNonNull(event, "event"), edition)));
        }
        try {
            store(connection).insert(connection, rows);
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "add", e);
        }
    }

    /**
     * Writes an event in a transaction of its own, on a connection of the outbox's DataSource, and commits it: for
     * code that has no transaction to join. It is what {@code processor.enqueue(event)} does too. To store an
     * event with the order it describes, use {@link #add(Connection, Event)} with the order's connection (under
     * Spring: {@code DataSourceUtils.getConnection(dataSource)}, the current transaction's connection).
     *
     * @param event a built event
     * @throws TikTokException if the insert failed; nothing was stored
     * @throws NullPointerException if the event is null
     */
    public void add(Event event) {
        store(OutboxEvent.of(Objects.requireNonNull(event, "event"), edition));
    }

    /**
     * Creates the table and its index if they do not exist yet, with the DDL this module ships for the database.
     * Safe to call from every instance at start; a schema managed by Flyway or Liquibase should take the DDL from
     * the README instead.
     *
     * @throws TikTokException if the DDL failed
     */
    public void createTable() {
        try {
            store().createTable();
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "create table", e);
        }
    }

    @Override
    public boolean store(OutboxEvent event) {
        Objects.requireNonNull(event, "event");
        try (Connection connection = dataSource.getConnection()) {
            store(connection).insert(connection, List.of(newRow(event)));
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            return true;
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "store", e);
        }
    }

    @Override
    public List<OutboxEvent> claim(EventSource source, int max) {
        Objects.requireNonNull(source, "source");
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        String token = claims.newClaim();
        List<StoredRow> rows;
        try {
            rows = store().claim(source.wireValue(), max, lease.toMillis(), token);
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "claim", e);
        }
        List<OutboxEvent> events = new ArrayList<>(rows.size());
        for (StoredRow row : rows) {
            claims.hold(row.id(), token);
            events.add(new OutboxEvent(row.id(), EventSource.of(row.source()), row.eventId(),
                    ApiEdition.valueOf(row.edition()), row.payload()));
        }
        return events;
    }

    @Override
    public void delivered(List<OutboxEvent> events) {
        List<Long> ids = keys(events);
        try {
            store().delete(ids);
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "delete delivered events", e);
        }
        ids.forEach(claims::settled);
    }

    @Override
    public void refused(List<RefusedEvent> refusals) {
        List<Refusal> rows = new ArrayList<>(refusals.size());
        for (RefusedEvent refusal : refusals) {
            rows.add(new Refusal(refusal.event().key(), refusal.code(), refusal.message(), refusal.requestId(),
                    refusal.refusedAt().toEpochMilli()));
        }
        try {
            store().refuse(rows);
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "keep refused events", e);
        }
        rows.forEach(row -> claims.settled(row.id()));
    }

    @Override
    public void release(List<OutboxEvent> events) {
        List<ClaimRef> refs = new ArrayList<>(events.size());
        for (OutboxEvent event : events) {
            String token = claims.tokenOf(event.key());
            if (token != null) {
                refs.add(new ClaimRef(event.key(), token));
            }
        }
        try {
            store().release(refs);
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "release", e);
        }
        refs.forEach(ref -> claims.settled(ref.id()));
    }

    @Override
    public long size() {
        try {
            return store().pendingCount();
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "count", e);
        }
    }

    @Override
    public List<RefusedEvent> refusals(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        List<RefusedRow> rows;
        try {
            rows = store().refused(max);
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "read refusals", e);
        }
        List<RefusedEvent> refusals = new ArrayList<>(rows.size());
        for (RefusedRow row : rows) {
            OutboxEvent event = new OutboxEvent(row.id(), EventSource.of(row.source()), row.eventId(),
                    ApiEdition.valueOf(row.edition()), row.payload());
            refusals.add(new RefusedEvent(event, row.code(), row.message() == null ? "" : row.message(),
                    row.requestId(), Instant.ofEpochMilli(row.refusedAtMillis())));
        }
        return refusals;
    }

    @Override
    public void forget(List<RefusedEvent> refusals) {
        List<Long> ids = new ArrayList<>(refusals.size());
        refusals.forEach(refusal -> ids.add(refusal.event().key()));
        try {
            store().forget(ids);
        } catch (SQLException e) {
            throw StoreErrors.failed(table, "forget refusals", e);
        }
    }

    /**
     * Stops renewing leases. Connections are the DataSource's, and every row stays: rows still claimed are claimed
     * again once their lease has passed. Idempotent.
     */
    @Override
    public void close() {
        closed = true;
        claims.close();
    }

    /** For tests: renews the leases now, as the renewing thread does every third of a lease. */
    void renewLeases() {
        claims.renewAll();
    }

    /** @return the table's name, as given */
    public String table() {
        return table.qualified();
    }

    /** @return how long a claim holds before another instance may claim the same rows */
    public Duration lease() {
        return lease;
    }

    /** Shows the table, the lease and this instance's id; never an event or the DataSource's credentials. */
    @Override
    public String toString() {
        return "JdbcOutbox{table=" + table.qualified() + ", lease=" + lease + ", edition=" + edition
                + ", instance=" + instanceId + (closed ? ", closed" : "") + '}';
    }

    private NewRow newRow(OutboxEvent event) {
        return new NewRow(event.source().wireValue(), event.eventId(), event.edition().name(), event.bodyBytes());
    }

    private static List<Long> keys(List<OutboxEvent> events) {
        List<Long> ids = new ArrayList<>(events.size());
        events.forEach(event -> ids.add(event.key()));
        return ids;
    }

    private OutboxStore store(Connection connection) throws SQLException {
        OutboxStore known = store;
        if (known == null) {
            known = detect(connection);
        }
        return known;
    }

    private OutboxStore store() throws SQLException {
        OutboxStore known = store;
        if (known == null) {
            try (Connection connection = dataSource.getConnection()) {
                known = detect(connection);
            }
        }
        return known;
    }

    /** The dialect is read from the first connection used, so building an outbox needs no database yet. */
    private synchronized OutboxStore detect(Connection connection) throws SQLException {
        if (store == null) {
            store = new OutboxStore(dataSource, table, SqlDialect.of(connection), clock);
        }
        return store;
    }
}
