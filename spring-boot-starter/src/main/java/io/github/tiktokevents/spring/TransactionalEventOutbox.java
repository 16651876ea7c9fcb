package io.github.tiktokevents.spring;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.outbox.jdbc.JdbcOutbox;
import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Adds events to the JDBC outbox in the current Spring transaction: the event commits with the order it describes,
 * or rolls back with it. Defined by the starter when {@code tiktok.events.outbox.type=jdbc}; the
 * {@code EventProcessor} bean relays what is committed.
 *
 * <pre>{@code
 * @Transactional
 * public void placeOrder(Order order) {
 *     orders.save(order);
 *     outbox.add(Event.builder(EventNames.PURCHASE).eventId("order-" + order.id()).page(Page.of(order.pageUrl())).build());
 * }   // commit: the order and its event; an exception: neither
 * }</pre>
 *
 * <p>Outside a transaction each call writes in one of its own, committed at once. Failures are unchecked (a
 * {@code TikTokException} naming the table, never the event), so a {@code @Transactional} method rolls back.
 */
public final class TransactionalEventOutbox {
    private final JdbcOutbox outbox;
    private final DataSource dataSource;

    /**
     * Writes to {@code outbox} through the connection Spring binds to the current transaction of {@code dataSource}.
     *
     * @param outbox the outbox; its table is in {@code dataSource}
     * @param dataSource the application's data source, the one its transaction manager manages
     */
    public TransactionalEventOutbox(JdbcOutbox outbox, DataSource dataSource) {
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * Adds one event in the current transaction.
     *
     * @param event a built event
     */
    public void add(Event event) {
        add(List.of(Objects.requireNonNull(event, "event")));
    }

    /**
     * Adds events in the current transaction.
     *
     * @param events built events
     */
    public void add(Collection<Event> events) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            outbox.add(connection, events);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** @return the outbox written to */
    public JdbcOutbox outbox() {
        return outbox;
    }
}
