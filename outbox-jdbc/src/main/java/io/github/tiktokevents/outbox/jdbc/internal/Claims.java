package io.github.tiktokevents.outbox.jdbc.internal;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One outbox instance's claims: the token of each row it holds, so a release frees only rows it still holds, and a
 * daemon thread that renews their leases every third of a lease while the instance lives. Rows of an instance that
 * died keep their last lease and are claimed again by another once it has passed.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class Claims implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.outbox");

    private final StoreAccess store;
    private final Clock clock;
    private final Duration lease;
    private final String instanceId;
    private final String threadName;
    private final AtomicLong serial = new AtomicLong();
    private final Map<Long, String> held = new ConcurrentHashMap<>();
    private ScheduledExecutorService renewer;
    private boolean closed;

    /** How the claims reach the table's rows; the outbox recognises its database on first use. */
    @FunctionalInterface
    public interface StoreAccess {
        /**
         * @return the store
         * @throws SQLException when the database cannot be reached
         */
        OutboxStore get() throws SQLException;
    }

    /**
     * @param store the table's rows
     * @param clock the clock leases are read from
     * @param lease how long a claim holds without renewal
     * @param instanceId this instance's name, the prefix of its claim tokens
     * @param threadName the renewing thread's name
     */
    public Claims(StoreAccess store, Clock clock, Duration lease, String instanceId, String threadName) {
        this.store = store;
        this.clock = clock;
        this.lease = lease;
        this.instanceId = instanceId;
        this.threadName = threadName;
    }

    /**
     * A token for a new claim, and the renewing thread started if it was not.
     *
     * @return {@code <instance id>#<serial>}
     */
    public String newClaim() {
        startRenewing();
        return instanceId + "#" + serial.incrementAndGet();
    }

    /**
     * @param id a row this instance claimed
     * @param token the claim's token
     */
    public void hold(long id, String token) {
        held.put(id, token);
    }

    /**
     * @param id a row
     * @return the token of this instance's claim on it; null if it holds none
     */
    public String tokenOf(long id) {
        return held.get(id);
    }

    /**
     * This instance no longer holds the row (settled or released).
     *
     * @param id the row
     */
    public void settled(long id) {
        held.remove(id);
    }

    /** Extends the lease of every row this instance holds; the renewing thread calls it every third of a lease. */
    public void renewAll() {
        Set<String> tokens = new HashSet<>(held.values());
        long until = clock.millis() + lease.toMillis();
        for (String token : tokens) {
            try {
                store.get().renew(token, until);
            } catch (SQLException | RuntimeException e) {
                // Not fatal: a lease that runs out only lets another instance send the same events again.
                LOG.log(System.Logger.Level.WARNING, "Could not renew the leases of claimed outbox rows ("
                        + e.getClass().getSimpleName() + "); another instance may send them again");
                return;
            }
        }
    }

    private synchronized void startRenewing() {
        if (renewer != null || closed) {
            return;
        }
        renewer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        long period = Math.max(1, lease.toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renewAll, period, period, TimeUnit.MILLISECONDS);
    }

    /** Stops renewing; the rows keep their last lease. Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (renewer != null) {
            renewer.shutdownNow();
        }
    }
}
