package io.github.tiktokevents.outbox.jdbc;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.outbox.jdbc.internal.TableName;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Configures a {@link JdbcOutbox}. Not thread-safe.
 */
public final class JdbcOutboxBuilder {
    final DataSource dataSource;
    TableName table = TableName.of(TableName.DEFAULT);
    Duration lease = Duration.ofMinutes(2);
    ApiEdition edition = ApiEdition.EVENTS_V2;
    Clock clock = Clock.systemUTC();

    JdbcOutboxBuilder(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The outbox table's name. Default {@code tiktok_events_outbox}.
     *
     * @param table {@code name} or {@code schema.name}: letters, digits and underscores, not starting with a
     *              digit, at most 63 characters each
     * @return this builder
     * @throws IllegalArgumentException if the name is not of that form
     */
    public JdbcOutboxBuilder table(String table) {
        this.table = TableName.of(table);
        return this;
    }

    /**
     * How long a claim holds without renewal: the outbox renews the leases of the rows its instance holds every
     * third of a lease, so rows are claimed again by another instance only when their holder has died (or lost
     * its database for a lease's time). That is how the events of a dead instance are delivered, about one lease
     * after it died. Keep it far longer than the clock difference between instances; an expired lease only causes
     * a duplicate send. Default 2 minutes.
     *
     * @param lease positive, at least one millisecond
     * @return this builder
     */
    public JdbcOutboxBuilder lease(Duration lease) {
        Objects.requireNonNull(lease, "lease");
        if (lease.toMillis() < 1) {
            throw new IllegalArgumentException("lease must be at least 1 ms, was " + lease);
        }
        this.lease = lease;
        return this;
    }

    /**
     * The API edition {@link JdbcOutbox#add(java.sql.Connection, io.github.tiktokevents.event.Event) add} writes events for; it must be the edition of the client
     * whose processor delivers them. Default {@link ApiEdition#EVENTS_V2}.
     *
     * @param edition the client's edition
     * @return this builder
     */
    public JdbcOutboxBuilder edition(ApiEdition edition) {
        this.edition = Objects.requireNonNull(edition, "edition");
        return this;
    }

    /** For tests: the clock leases and stored times are read from. */
    JdbcOutboxBuilder clock(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        return this;
    }

    /**
     * Builds the outbox. Opens no connection: the database is recognised on first use.
     *
     * @return the outbox
     */
    public JdbcOutbox build() {
        return new JdbcOutbox(this);
    }
}
