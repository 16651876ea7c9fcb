package io.github.tiktokevents.kafka.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import org.apache.kafka.common.TopicPartition;

/**
 * Which records of each partition are settled (accepted by TikTok, or written to the dead-letter queue), and the
 * offset that is safe to commit: one past the longest run of settled records from the first one seen. A settled
 * record behind an unsettled one is not committed, so a restart never skips an event. Not thread-safe: the task's
 * own thread uses it.
 */
public final class OffsetTracker {
    /** Where a record is on its way. */
    public enum State {
        /** Seen, not yet accepted or reported. */
        PENDING,
        /** Handed to the errant record reporter; settled when its write completes. */
        REPORTING,
        /** Accepted by TikTok, or written to the dead-letter queue. */
        SETTLED
    }

    private final Map<TopicPartition, Ledger> ledgers = new HashMap<>();

    /**
     * Notes a record given to the task, and says whether it still needs to be delivered: true for a new record
     * and for one that is still pending (the same batch given again after a retriable failure), false for one
     * that is settled or being reported.
     *
     * @param partition the record's partition
     * @param offset the record's offset
     * @return whether to deliver it
     */
    public boolean needsDelivery(TopicPartition partition, long offset) {
        return ledgers.computeIfAbsent(partition, p -> new Ledger()).register(offset) == State.PENDING;
    }

    /**
     * Marks a record as handed to the errant record reporter.
     *
     * @param partition the record's partition
     * @param offset the record's offset
     */
    public void reporting(TopicPartition partition, long offset) {
        ledger(partition).set(offset, State.REPORTING);
    }

    /**
     * Marks a record as settled.
     *
     * @param partition the record's partition
     * @param offset the record's offset
     */
    public void settle(TopicPartition partition, long offset) {
        ledger(partition).set(offset, State.SETTLED);
    }

    /**
     * The offset to commit for a partition: the next record to consume after the settled run.
     *
     * @param partition the partition
     * @return the offset, or empty when no record of it has been settled in order yet
     */
    public OptionalLong committable(TopicPartition partition) {
        Ledger ledger = ledgers.get(partition);
        return ledger == null || ledger.watermark < 0 ? OptionalLong.empty() : OptionalLong.of(ledger.watermark);
    }

    /**
     * The number of records of a partition seen and not yet committable.
     *
     * @param partition the partition
     * @return the count
     */
    public int outstanding(TopicPartition partition) {
        Ledger ledger = ledgers.get(partition);
        return ledger == null ? 0 : ledger.size();
    }

    /**
     * Forgets partitions that were revoked or closed: their unsettled records are abandoned, never committed; the
     * next owner reads them again from the last committed offset.
     *
     * @param partitions the partitions
     */
    public void forget(Collection<TopicPartition> partitions) {
        partitions.forEach(ledgers::remove);
    }

    private Ledger ledger(TopicPartition partition) {
        Ledger ledger = ledgers.get(partition);
        if (ledger == null) {
            throw new IllegalStateException("no record of " + partition + " was registered");
        }
        return ledger;
    }

    /** One partition: its records in offset order, until they become committable. */
    private static final class Ledger {
        private final TreeMap<Long, State> states = new TreeMap<>();
        /** The offset to commit, -1 before any record was settled in order. */
        private long watermark = -1;

        State register(long offset) {
            if (offset < watermark) {
                // given again after it became committable (the consumer was sought back): nothing to do
                return State.SETTLED;
            }
            return states.computeIfAbsent(offset, o -> State.PENDING);
        }

        int size() {
            return states.size();
        }

        void set(long offset, State state) {
            if (states.replace(offset, state) == null) {
                throw new IllegalStateException("offset " + offset + " was not registered");
            }
            while (!states.isEmpty() && states.firstEntry().getValue() == State.SETTLED) {
                watermark = states.pollFirstEntry().getKey() + 1;
            }
        }
    }
}
