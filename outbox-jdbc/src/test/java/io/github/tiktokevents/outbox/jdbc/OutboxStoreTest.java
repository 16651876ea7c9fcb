package io.github.tiktokevents.outbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.tiktokevents.outbox.jdbc.internal.ClaimRef;
import io.github.tiktokevents.outbox.jdbc.internal.NewRow;
import io.github.tiktokevents.outbox.jdbc.internal.Refusal;
import io.github.tiktokevents.outbox.jdbc.internal.OutboxStore;
import io.github.tiktokevents.outbox.jdbc.internal.RefusedRow;
import io.github.tiktokevents.outbox.jdbc.internal.SqlDialect;
import io.github.tiktokevents.outbox.jdbc.internal.StoredRow;
import io.github.tiktokevents.outbox.jdbc.internal.TableName;
import io.github.tiktokevents.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The table's rows on real databases: transactions, claims and leases, refusals. */
class OutboxStoreTest {
    private static final long LEASE = 60_000;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private DataSource dataSource;

    private OutboxStore store(SqlDialect dialect) throws Exception {
        dataSource = TestDatabases.dataSource(dialect);
        try (Connection c = dataSource.getConnection()) {
            assertThat(SqlDialect.of(c)).isEqualTo(dialect);
        }
        OutboxStore store = new OutboxStore(dataSource, TableName.of(TestDatabases.newTable()), dialect, clock);
        store.createTable();
        store.createTable(); // idempotent: every instance may run it at start
        return store;
    }

    private static void add(OutboxStore store, DataSource ds, int n) throws Exception {
        List<NewRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(new NewRow("web", "e" + i, "EVENTS_V2", ("{\"event_id\":\"e" + i + "\"}").getBytes(StandardCharsets.UTF_8)));
        }
        try (Connection c = ds.getConnection()) {
            store.insert(c, rows);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void rowsWrittenInARolledBackTransactionAreGoneAndCommittedOnesStay(SqlDialect dialect) throws Exception {
        OutboxStore store = store(dialect);
        DataSource ds = dataSource;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            store.insert(c, List.of(new NewRow("crm", "rolled-back", "EVENTS_V2", new byte[] {1})));
            c.rollback();
            store.insert(c, List.of(new NewRow("crm", "committed", "EVENTS_V2", "{}".getBytes(StandardCharsets.UTF_8))));
            c.commit();
        }
        List<StoredRow> claimed = store.claim("crm", 10, LEASE, "t1");
        assertThat(claimed).extracting(StoredRow::eventId).containsExactly("committed");
        assertThat(claimed.get(0).source()).isEqualTo("crm");
        assertThat(claimed.get(0).payload()).isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void aClaimLeasesRowsOldestFirstAndAnExpiredLeaseLetsAnotherRelayClaimThem(SqlDialect dialect) throws Exception {
        OutboxStore store = store(dialect);
        add(store, dataSource, 5);

        List<StoredRow> first = store.claim("web", 3, LEASE, "relay-a-1");
        List<StoredRow> second = store.claim("web", 10, LEASE, "relay-b-1");
        assertThat(first).extracting(StoredRow::eventId).containsExactly("e0", "e1", "e2");
        assertThat(first).extracting(StoredRow::attempts).containsOnly(1);
        assertThat(second).extracting(StoredRow::eventId).containsExactly("e3", "e4");
        assertThat(store.claim("web", 10, LEASE, "relay-b-2")).isEmpty();

        clock.advance(Duration.ofMillis(LEASE)); // relay a died: its lease runs out
        store.delete(List.of(second.get(0).id(), second.get(1).id()));
        List<StoredRow> again = store.claim("web", 10, LEASE, "relay-b-3");
        assertThat(again).extracting(StoredRow::eventId).containsExactly("e0", "e1", "e2");
        assertThat(again).extracting(StoredRow::attempts).containsOnly(2);
        assertThat(store.pendingCount()).isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void aReleaseFreesOnlyRowsStillHoldingItsClaim(SqlDialect dialect) throws Exception {
        OutboxStore store = store(dialect);
        add(store, dataSource, 2);
        List<StoredRow> mine = store.claim("web", 10, LEASE, "slow-relay");
        clock.advance(Duration.ofMillis(LEASE));
        List<StoredRow> taken = store.claim("web", 1, LEASE, "other-relay"); // took e0 over after the lease ran out

        store.release(mine.stream().map(r -> new ClaimRef(r.id(), r.claimToken())).toList()); // the slow relay gives both back
        assertThat(taken).extracting(StoredRow::eventId).containsExactly("e0");
        assertThat(store.claim("web", 10, LEASE, "third")).extracting(StoredRow::eventId).containsExactly("e1");
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void aRefusedRowIsKeptWithTikToksAnswerAndNeverClaimedAgain(SqlDialect dialect) throws Exception {
        OutboxStore store = store(dialect);
        add(store, dataSource, 2);
        List<StoredRow> rows = store.claim("web", 10, LEASE, "r");
        store.refuse(List.of(new Refusal(rows.get(0).id(), 40002, "Invalid event_time", "req-1", clock.millis())));
        store.delete(List.of(rows.get(1).id()));
        clock.advance(Duration.ofMillis(LEASE * 2));

        assertThat(store.claim("web", 10, LEASE, "r2")).isEmpty();
        assertThat(store.pendingCount()).isZero();
        List<RefusedRow> refused = store.refused(10);
        assertThat(refused).hasSize(1);
        RefusedRow row = refused.get(0);
        assertThat(row.eventId()).isEqualTo("e0");
        assertThat(row.code()).isEqualTo(40002);
        assertThat(row.refusedAtMillis()).isEqualTo(clock.millis() - LEASE * 2);
        store.forget(List.of(rows.get(0).id()));
        assertThat(store.refused(10)).isEmpty();
        assertThat(row.message()).isEqualTo("Invalid event_time");
        assertThat(row.requestId()).isEqualTo("req-1");
        assertThat(new String(row.payload(), StandardCharsets.UTF_8)).isEqualTo("{\"event_id\":\"e0\"}");
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void aClaimTakesOneSourcesRowsOnly(SqlDialect dialect) throws Exception {
        OutboxStore store = store(dialect);
        try (Connection c = dataSource.getConnection()) {
            store.insert(c, List.of(new NewRow("web", "w", "EVENTS_V2", new byte[] {1}),
                    new NewRow("app", "a", "PIXEL_V1", new byte[] {2})));
        }
        List<StoredRow> app = store.claim("app", 10, LEASE, "x");
        assertThat(app).extracting(StoredRow::eventId).containsExactly("a");
        assertThat(app.get(0).edition()).isEqualTo("PIXEL_V1");
        assertThat(store.claim("web", 10, LEASE, "y")).extracting(StoredRow::eventId).containsExactly("w");
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2"})
    void aClaimPassesOverRowsAnotherTransactionHoldsInsteadOfWaiting(SqlDialect dialect) throws Exception {
        OutboxStore store = store(dialect);
        DataSource ds = dataSource;
        add(store, ds, 4);
        try (Connection other = ds.getConnection()) {
            other.setAutoCommit(false);
            // another relay, mid-claim: it holds the two oldest rows' locks
            try (PreparedStatement ps = other.prepareStatement("SELECT id FROM " + store.table().qualified()
                    + " ORDER BY id LIMIT 2 FOR UPDATE")) {
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rs.getLong(1);
                    }
                }
            }
            List<StoredRow> claimed = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> store.claim("web", 10, LEASE, "skipper"));
            assertThat(claimed).extracting(StoredRow::eventId).containsExactly("e2", "e3");
            other.rollback();
        }
    }
}
