package io.github.tiktokevents.processor;

/**
 * A snapshot of the background processor's counters. The counters are read one after another while events
 * move, so a snapshot taken under load can be off by the events that moved meanwhile; once the processor is
 * idle (after {@code flush()} or {@code close()}), {@code enqueued == delivered + failed + queueDepth + inFlight}.
 * Every {@link DeliveryListener#failed} call is counted in {@link #failed()} or in {@link #rejected()}.
 */
public final class ProcessorStats {
    private final long enqueued;
    private final long delivered;
    private final long failed;
    private final long rejected;
    private final long retried;
    private final long requests;
    private final long queueDepth;
    private final long inFlight;

    /**
     * Creates a snapshot.
     *
     * @param enqueued events accepted by {@code enqueue}
     * @param delivered events TikTok accepted
     * @param failed accepted events that ended in failure
     * @param rejected events refused by {@code enqueue} (queue full, or closed)
     * @param retried requests sent again after a retryable failure
     * @param requests requests handed to the transport, retries and split batches included
     * @param queueDepth events waiting in the queue
     * @param inFlight events taken from the queue and not yet settled (being sent or waiting for a retry)
     */
    public ProcessorStats(long enqueued, long delivered, long failed, long rejected, long retried,
                          long requests, long queueDepth, long inFlight) {
        this.enqueued = enqueued;
        this.delivered = delivered;
        this.failed = failed;
        this.rejected = rejected;
        this.retried = retried;
        this.requests = requests;
        this.queueDepth = queueDepth;
        this.inFlight = inFlight;
    }

    /**
     * Events accepted by {@code enqueue}.
     *
     * @return the count
     */
    public long enqueued() {
        return enqueued;
    }

    /**
     * Events TikTok accepted.
     *
     * @return the count
     */
    public long delivered() {
        return delivered;
    }

    /**
     * Accepted events that ended in failure (refused by TikTok, retries exhausted, or given up on close).
     *
     * @return the count
     */
    public long failed() {
        return failed;
    }

    /**
     * Events refused by {@code enqueue}: the queue was full, the processor or its client was closed, or no id is
     * configured for the event's source.
     *
     * @return the count
     */
    public long rejected() {
        return rejected;
    }

    /**
     * Requests sent again after a retryable failure.
     *
     * @return the count
     */
    public long retried() {
        return retried;
    }

    /**
     * Requests handed to the transport, retries and split batches included.
     *
     * @return the count
     */
    public long requests() {
        return requests;
    }

    /**
     * Events waiting in the queue.
     *
     * @return the count
     */
    public long queueDepth() {
        return queueDepth;
    }

    /**
     * Events taken from the queue and not yet settled.
     *
     * @return the count
     */
    public long inFlight() {
        return inFlight;
    }

    @Override
    public String toString() {
        return "ProcessorStats{enqueued=" + enqueued + ", delivered=" + delivered + ", failed=" + failed
                + ", rejected=" + rejected + ", retried=" + retried + ", requests=" + requests
                + ", queueDepth=" + queueDepth + ", inFlight=" + inFlight + '}';
    }
}
