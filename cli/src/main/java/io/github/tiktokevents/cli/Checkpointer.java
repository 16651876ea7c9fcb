package io.github.tiktokevents.cli;

import java.io.IOException;

/**
 * Writes the ledger's checkpoint at most about once a second while rows flow (cheap: one small file renamed), so a
 * crash loses at most a second of progress, which a resumed run sends again under the same event ids.
 */
final class Checkpointer {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final CheckpointStore store;
    private final Ledger ledger;
    private final Checkpoint base;
    private long lastWrite = System.nanoTime();
    private long lastWatermark = -1;

    Checkpointer(CheckpointStore store, Ledger ledger, Checkpoint base) {
        this.store = store;
        this.ledger = ledger;
        this.base = base;
    }

    /** Writes a checkpoint if a second has passed and the watermark moved. */
    void maybeWrite() throws IOException {
        if (store == null || System.nanoTime() - lastWrite < INTERVAL_NANOS) {
            return;
        }
        lastWrite = System.nanoTime();
        long watermark = ledger.watermark();
        if (watermark != lastWatermark) {
            lastWatermark = watermark;
            store.write(ledger.checkpoint(base, false));
        }
    }

    /**
     * Writes the final checkpoint.
     *
     * @return it (also when there is no checkpoint file)
     */
    Checkpoint writeFinal(boolean complete) throws IOException {
        Checkpoint last = ledger.checkpoint(base, complete);
        if (store != null) {
            store.write(last);
        }
        return last;
    }
}
