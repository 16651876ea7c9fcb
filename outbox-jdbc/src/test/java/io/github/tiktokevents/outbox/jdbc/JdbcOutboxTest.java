package io.github.tiktokevents.outbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.outbox.RefusedEvent;
import io.github.tiktokevents.outbox.jdbc.internal.SqlDialect;
import io.github.tiktokevents.testing.MutableClock;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Outbox contract and the transactional add, on real PostgreSQL, H2 and SQLite. */
class JdbcOutboxTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private DataSource dataSource;
    private String table;

    private JdbcOutbox outbox(SqlDialect dialect) {
        dataSource = TestDatabases.dataSource(dialect);
        table = TestDatabases.newTable();
        JdbcOutbox outbox = instance();
        outbox.createTable();
        return outbox;
    }

    /** Another application instance on the same table. */
    private JdbcOutbox instance() {
        return JdbcOutbox.builder(dataSource).table(table).lease(Duration.ofMinutes(1)).clock(clock).build();
    }

    private static byte[] bytes(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(out);
        return out;
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void anEventAddedInARolledBackTransactionIsNeverClaimedAndOneCommittedIs(SqlDialect dialect) throws Exception {
        JdbcOutbox outbox = outbox(dialect);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            outbox.add(c, TestEvents.web("order-1"));
            c.rollback();
            outbox.add(c, List.of(TestEvents.web("order-2"), TestEvents.web("order-3")));
            c.commit();
        }
        assertThat(outbox.size()).isEqualTo(2);
        assertThat(outbox.claim(EventSource.WEB, 10)).extracting(OutboxEvent::eventId)
                .containsExactly("order-2", "order-3");
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void aClaimGivesBackTheStoredEventByteForByte(SqlDialect dialect) {
        JdbcOutbox outbox = outbox(dialect);
        Event event = TestEvents.crm("lead-1");
        OutboxEvent stored = OutboxEvent.of(event, ApiEdition.EVENTS_V2);
        assertThat(outbox.store(stored)).isTrue();
        outbox.add(TestEvents.web("web-1"));

        List<OutboxEvent> claimed = outbox.claim(EventSource.CRM, 10);
        assertThat(claimed).hasSize(1);
        OutboxEvent back = claimed.get(0);
        assertThat(back.key()).isNotNegative();
        assertThat(back.source()).isEqualTo(EventSource.CRM);
        assertThat(back.eventId()).isEqualTo("lead-1");
        assertThat(back.edition()).isEqualTo(ApiEdition.EVENTS_V2);
        assertThat(bytes(back.body())).isEqualTo(stored.bodyBytes());
        assertThat(outbox.claim(EventSource.CRM, 10)).isEmpty();
        assertThat(outbox.claim(EventSource.WEB, 10)).extracting(OutboxEvent::eventId).containsExactly("web-1");
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void deliveredEventsAreRemovedAndRefusedOnesKeptWithTikToksAnswerUntilForgotten(SqlDialect dialect) {
        JdbcOutbox outbox = outbox(dialect);
        outbox.add(TestEvents.web("good"));
        outbox.add(TestEvents.web("bad"));
        List<OutboxEvent> claimed = outbox.claim(EventSource.WEB, 10);
        outbox.delivered(List.of(claimed.get(0)));
        TikTokException refusal = new InvalidRequestException(40002, "Invalid value for event_time", "req-77", 200, null);
        outbox.refused(List.of(RefusedEvent.of(claimed.get(1), refusal, clock.instant())));
        clock.advance(Duration.ofHours(1));

        assertThat(outbox.size()).isZero();
        assertThat(outbox.claim(EventSource.WEB, 10)).isEmpty();
        List<RefusedEvent> refusals = outbox.refusals(10);
        assertThat(refusals).hasSize(1);
        RefusedEvent kept = refusals.get(0);
        assertThat(kept.event().eventId()).isEqualTo("bad");
        assertThat(kept.code()).isEqualTo(40002);
        assertThat(kept.message()).isEqualTo("Invalid value for event_time");
        assertThat(kept.requestId()).isEqualTo("req-77");
        assertThat(kept.refusedAt()).isEqualTo(clock.instant().minus(Duration.ofHours(1)));
        assertThat(bytes(kept.event().body())).isEqualTo(bytes(claimed.get(1).body()));

        outbox.forget(refusals);
        assertThat(outbox.refusals(10)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void anotherInstanceTakesOverADeadInstancesClaimsOnlyAfterTheLease(SqlDialect dialect) {
        JdbcOutbox dead = outbox(dialect);
        JdbcOutbox alive = instance();
        dead.add(TestEvents.web("e1"));
        dead.add(TestEvents.web("e2"));
        List<OutboxEvent> lost = dead.claim(EventSource.WEB, 10);
        assertThat(lost).hasSize(2);

        assertThat(alive.claim(EventSource.WEB, 10)).isEmpty();
        clock.advance(Duration.ofMinutes(1));
        List<OutboxEvent> takenOver = alive.claim(EventSource.WEB, 10);
        assertThat(takenOver).extracting(OutboxEvent::eventId).containsExactly("e1", "e2");

        dead.release(lost); // a late release of the first instance leaves the new owner's claims alone
        assertThat(alive.claim(EventSource.WEB, 10)).isEmpty();
        alive.release(takenOver);
        assertThat(alive.claim(EventSource.WEB, 10)).extracting(OutboxEvent::key)
                .containsExactly(takenOver.get(0).key(), takenOver.get(1).key());
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void aLiveInstanceKeepsItsClaimsByRenewingTheirLeaseAndADeadOnesPassToAnother(SqlDialect dialect) {
        JdbcOutbox slow = outbox(dialect);
        JdbcOutbox other = instance();
        slow.add(TestEvents.web("e1"));
        List<OutboxEvent> held = slow.claim(EventSource.WEB, 10);

        clock.advance(Duration.ofSeconds(40));
        slow.renewLeases(); // TikTok is slow to answer; the instance is alive
        clock.advance(Duration.ofSeconds(40)); // 80 s since the claim, 40 s since the renewal
        assertThat(other.claim(EventSource.WEB, 10)).isEmpty();

        slow.close(); // the instance dies: no renewal any more
        clock.advance(Duration.ofSeconds(20));
        assertThat(other.claim(EventSource.WEB, 10)).extracting(OutboxEvent::key).containsExactly(held.get(0).key());
        other.close();
    }

    @ParameterizedTest
    @EnumSource(value = SqlDialect.class, names = {"POSTGRESQL", "MYSQL", "H2", "SQLITE"})
    void aStoreFailureIsATikTokExceptionNamingTheTableNotTheEvent(SqlDialect dialect) {
        dataSource = TestDatabases.dataSource(dialect);
        JdbcOutbox noTable = JdbcOutbox.builder(dataSource).table("missing_outbox").build();
        assertThatThrownBy(() -> noTable.add(TestEvents.web("secret-order-42")))
                .isInstanceOf(TikTokException.class)
                .hasMessageContaining("missing_outbox")
                .hasMessageNotContaining("secret-order-42");
    }
}
