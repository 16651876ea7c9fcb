package io.github.tiktokevents.cli;

import io.github.tiktokevents.exception.TikTokException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Settles rows and keeps the resume point. Outcomes arrive out of order (the processor delivers asynchronously and
 * retries), so the ledger keeps a watermark: every row below it has its final outcome. Only the watermark goes into
 * a checkpoint, and the rejects file is written in row order as the watermark passes each refused row, so the file
 * and the checkpoint always agree. Rows ahead of the watermark are limited to a window, which keeps memory flat
 * however long one row waits for its retries. Thread-safe: the reading thread and the processor's threads report.
 */
final class Ledger {
    /** Most rows between the watermark and the newest row read. */
    static final int DEFAULT_WINDOW = 100_000;

    private static final byte OPEN = 0;
    private static final byte DELIVERED = 1;
    private static final byte REJECTED = 2;

    private final byte[] ring;
    private final Map<Long, Reject> waitingRejects = new HashMap<>();
    private final RejectsFile rejects;
    private long watermark;
    private long deliveredBelow;
    private long rejectedBelow;
    private long delivered;
    private long rejected;
    private TikTokException stopCause;
    private boolean stopFatal;

    /**
     * Starts a ledger.
     *
     * @param resumeFrom the checkpoint this run continues from
     * @param rejects the rejects file (null in a dry run, which writes none)
     * @param window most rows ahead of the watermark
     */
    Ledger(Checkpoint resumeFrom, RejectsFile rejects, int window) {
        this.ring = new byte[window];
        this.rejects = rejects;
        this.watermark = resumeFrom.rowsSettled();
        this.deliveredBelow = resumeFrom.delivered();
        this.rejectedBelow = resumeFrom.rejected();
    }

    /** TikTok accepted the row's event. */
    synchronized void delivered(long row) {
        delivered++;
        settle(row, DELIVERED);
    }

    /** The row was refused for good; its reject is written once the watermark reaches it. */
    synchronized void rejected(long row, Reject reject) {
        rejected++;
        waitingRejects.put(row, reject);
        settle(row, REJECTED);
    }

    /**
     * The row's event could not be delivered for a reason that may pass (TikTok unreachable, retries exhausted) or
     * that no row can overcome (a bad token): the upload stops, and the watermark never passes this row, so a
     * resumed run sends it again.
     *
     * @param fatal whether the cause is a configuration problem (exit code 2)
     */
    synchronized void stop(TikTokException cause, boolean fatal) {
        if (stopCause == null || (fatal && !stopFatal)) {
            stopCause = cause;
            stopFatal = fatal;
        }
        notifyAll();
    }

    /** Whether the upload must stop reading. */
    synchronized boolean stopped() {
        return stopCause != null;
    }

    /** Why the upload stopped, or null. */
    synchronized TikTokException stopCause() {
        return stopCause;
    }

    /** Whether the stop is a configuration problem. */
    synchronized boolean stopFatal() {
        return stopFatal;
    }

    /**
     * Waits a little for room for a row in the window.
     *
     * @return true when the row fits; false to wait again (the caller checkpoints meanwhile)
     */
    synchronized boolean awaitRoom(long row, long waitMillis) throws InterruptedException {
        if (row - watermark < ring.length || stopCause != null) {
            return true;
        }
        wait(waitMillis);
        return row - watermark < ring.length || stopCause != null;
    }

    /** Waits a little for progress of the watermark. */
    synchronized void awaitProgress(long waitMillis) throws InterruptedException {
        wait(waitMillis);
    }

    /** Rows below this have their final outcome. */
    synchronized long watermark() {
        return watermark;
    }

    /** Rows TikTok accepted in this run. */
    synchronized long delivered() {
        return delivered;
    }

    /** Rows refused in this run (by validation or by TikTok). */
    synchronized long rejected() {
        return rejected;
    }

    /**
     * The checkpoint of the current watermark, after writing the rejects file through to disk.
     *
     * @param base the run's starting checkpoint, for the input's identity
     * @param complete whether the input has been read to the end and everything is settled
     */
    synchronized Checkpoint checkpoint(Checkpoint base, boolean complete) throws IOException {
        long rejectsBytes = rejects == null ? 0 : rejects.sync();
        return new Checkpoint(Checkpoint.VERSION, base.input(), base.inputFingerprint(), watermark, deliveredBelow,
                rejectedBelow, rejectsBytes, complete);
    }

    private void settle(long row, byte outcome) {
        if (row < watermark || row - watermark >= ring.length) {
            throw new IllegalStateException("row " + row + " is outside the window at " + watermark);
        }
        ring[(int) (row % ring.length)] = outcome;
        boolean moved = false;
        while (true) {
            int slot = (int) (watermark % ring.length);
            byte settled = ring[slot];
            if (settled == OPEN) {
                break;
            }
            if (settled == REJECTED) {
                if (!writeReject(waitingRejects.get(watermark))) {
                    break;
                }
                waitingRejects.remove(watermark);
                rejectedBelow++;
            } else {
                deliveredBelow++;
            }
            ring[slot] = OPEN;
            watermark++;
            moved = true;
        }
        if (moved) {
            notifyAll();
        }
    }

    /** Writes a reject; on failure the upload stops and the watermark stays before the row. */
    private boolean writeReject(Reject reject) {
        if (rejects == null) {
            return true;
        }
        try {
            rejects.write(reject);
            return true;
        } catch (IOException e) {
            stop(new TikTokException("cannot write the rejects file: " + e.getMessage(), e), true);
            return false;
        }
    }
}
