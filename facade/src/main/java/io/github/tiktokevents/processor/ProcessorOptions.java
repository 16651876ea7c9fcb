package io.github.tiktokevents.processor;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.internal.delivery.DeliveryLoggingListener;
import java.time.Duration;
import java.util.Objects;

/**
 * How the background processor batches, queues, retries and shuts down.
 *
 * <table>
 *   <caption>Settings and defaults</caption>
 *   <tr><th>setting</th><th>default</th><th>meaning</th></tr>
 *   <tr><td>{@code maxBatchSize}</td><td>1000</td><td>events per request; TikTok's limit is 1000</td></tr>
 *   <tr><td>{@code maxDelay}</td><td>1 s</td><td>longest wait of a queued event before its batch is sent</td></tr>
 *   <tr><td>{@code queueCapacity}</td><td>10 000</td><td>most events waiting to be sent</td></tr>
 *   <tr><td>{@code queueCapacityBytes}</td><td>16 MiB</td><td>most estimated bytes of waiting events</td></tr>
 *   <tr><td>{@code queueFullPolicy}</td><td>{@code BLOCK_WITH_TIMEOUT}</td><td>wait for room, or reject</td></tr>
 *   <tr><td>{@code enqueueTimeout}</td><td>100 ms</td><td>longest wait for room under {@code BLOCK_WITH_TIMEOUT}</td></tr>
 *   <tr><td>{@code maxRequestsInFlight}</td><td>4</td><td>requests sent at the same time (retries included)</td></tr>
 *   <tr><td>{@code requestTimeout}</td><td>60 s</td><td>a safety net: a request without an answer after this
 *       counts as a retryable timeout. Keep it above the HTTP client's own call timeout</td></tr>
 *   <tr><td>{@code closeTimeout}</td><td>30 s</td><td>how long {@code close()} keeps delivering</td></tr>
 *   <tr><td>{@code drainOnShutdown}</td><td>true</td><td>a JVM shutdown hook closes the processor (within
 *       {@code closeTimeout}) if it is still open; removed by {@code close()}</td></tr>
 *   <tr><td>{@code retryPolicy}</td><td>{@link RetryPolicy#defaults()}</td><td>backoff and limits</td></tr>
 *   <tr><td>{@code listener}</td><td>logs failures, summarised</td><td>hears every event's outcome</td></tr>
 *   <tr><td>{@code threadNamePrefix}</td><td>{@code tiktok-events-processor}</td><td>names the daemon thread</td></tr>
 * </table>
 *
 * <pre>{@code
 * ProcessorOptions options = ProcessorOptions.builder()
 *     .maxDelay(Duration.ofMillis(200))
 *     .queueFullPolicy(QueueFullPolicy.REJECT)
 *     .listener((eventId, error) -> metrics.countFailure(error))
 *     .build();
 * }</pre>
 *
 * <p>Given to {@link TikTokEvents#processor(ProcessorOptions)}. The processor keeps one queue and one delivery
 * thread per event source (web, app, offline, CRM), so {@code queueCapacity}, {@code queueCapacityBytes} and
 * {@code maxRequestsInFlight} apply per source; the thread of a source is named
 * {@code <threadNamePrefix>-<source>-delivery}. With Events API 1.0, {@code maxBatchSize} is capped at the
 * client's {@code pixelBatchSize}; and a {@code requestTimeout} not longer than the HTTP client's call timeout is
 * raised to that timeout plus 5 s.
 *
 * <p>Every duration may be as long as you like: beyond about 146 years it counts as 146 years, so
 * {@code Duration.ofSeconds(Long.MAX_VALUE)} means "no limit" and never overflows; {@code close()} still reports
 * every event it gives up, whatever the retry policy's waits.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class ProcessorOptions {
    /** TikTok's limit on events in one Events API 2.0 request. */
    public static final int MAX_BATCH_SIZE_LIMIT = 1000;

    private static final ProcessorOptions DEFAULTS = builder().build();

    private final int maxBatchSize;
    private final Duration maxDelay;
    private final int queueCapacity;
    private final long queueCapacityBytes;
    private final QueueFullPolicy queueFullPolicy;
    private final Duration enqueueTimeout;
    private final int maxRequestsInFlight;
    private final Duration requestTimeout;
    private final Duration closeTimeout;
    private final boolean drainOnShutdown;
    private final RetryPolicy retryPolicy;
    private final DeliveryListener listener;
    private final String threadNamePrefix;

    private ProcessorOptions(Builder b) {
        this.maxBatchSize = b.maxBatchSize;
        this.maxDelay = b.maxDelay;
        this.queueCapacity = b.queueCapacity;
        this.queueCapacityBytes = b.queueCapacityBytes;
        this.queueFullPolicy = b.queueFullPolicy;
        this.enqueueTimeout = b.enqueueTimeout;
        this.maxRequestsInFlight = b.maxRequestsInFlight;
        this.requestTimeout = b.requestTimeout;
        this.closeTimeout = b.closeTimeout;
        this.drainOnShutdown = b.drainOnShutdown;
        this.retryPolicy = b.retryPolicy;
        this.listener = b.listener;
        this.threadNamePrefix = b.threadNamePrefix;
    }

    /**
     * The default options (see the table above).
     *
     * @return the defaults
     */
    public static ProcessorOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts a builder holding the defaults.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these options, to derive variants (the client caps the batch size and names the thread
     * of each source's engine this way).
     *
     * @return a new builder with every setting copied
     */
    Builder toBuilder() {
        Builder b = new Builder();
        b.maxBatchSize = maxBatchSize;
        b.maxDelay = maxDelay;
        b.queueCapacity = queueCapacity;
        b.queueCapacityBytes = queueCapacityBytes;
        b.queueFullPolicy = queueFullPolicy;
        b.enqueueTimeout = enqueueTimeout;
        b.maxRequestsInFlight = maxRequestsInFlight;
        b.requestTimeout = requestTimeout;
        b.closeTimeout = closeTimeout;
        b.drainOnShutdown = drainOnShutdown;
        b.retryPolicy = retryPolicy;
        b.listener = listener;
        b.threadNamePrefix = threadNamePrefix;
        return b;
    }

    /**
     * Events per request.
     *
     * @return from 1 to 1000
     */
    public int maxBatchSize() {
        return maxBatchSize;
    }

    /**
     * Longest wait of a queued event before its batch is sent.
     *
     * @return a positive duration
     */
    public Duration maxDelay() {
        return maxDelay;
    }

    /**
     * Most events waiting in the queue.
     *
     * @return at least 1
     */
    public int queueCapacity() {
        return queueCapacity;
    }

    /**
     * Most estimated serialized bytes of events waiting in the queue.
     *
     * @return at least 1
     */
    public long queueCapacityBytes() {
        return queueCapacityBytes;
    }

    /**
     * What {@code enqueue} does when the queue is full.
     *
     * @return the policy
     */
    public QueueFullPolicy queueFullPolicy() {
        return queueFullPolicy;
    }

    /**
     * Longest wait for room under {@link QueueFullPolicy#BLOCK_WITH_TIMEOUT}.
     *
     * @return a non-negative duration
     */
    public Duration enqueueTimeout() {
        return enqueueTimeout;
    }

    /**
     * Most requests outstanding at once, waits for retries included.
     *
     * @return at least 1
     */
    public int maxRequestsInFlight() {
        return maxRequestsInFlight;
    }

    /**
     * Time after which an unanswered request counts as a retryable timeout.
     *
     * @return a positive duration
     */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How long {@code close()} keeps delivering before it gives up the rest.
     *
     * @return a non-negative duration
     */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /**
     * How failed requests are retried.
     *
     * @return the policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * Who hears each event's outcome.
     *
     * @return the listener
     */
    public DeliveryListener listener() {
        return listener;
    }

    /**
     * Whether a JVM shutdown hook closes the processor if it is still open when the JVM exits normally.
     *
     * @return true to drain on shutdown
     */
    public boolean drainOnShutdown() {
        return drainOnShutdown;
    }

    /**
     * Prefix of the processor's thread names.
     *
     * @return the prefix
     */
    public String threadNamePrefix() {
        return threadNamePrefix;
    }

    @Override
    public String toString() {
        return "ProcessorOptions{maxBatchSize=" + maxBatchSize + ", maxDelay=" + maxDelay
                + ", queueCapacity=" + queueCapacity + ", queueCapacityBytes=" + queueCapacityBytes
                + ", queueFullPolicy=" + queueFullPolicy + ", enqueueTimeout=" + enqueueTimeout
                + ", maxRequestsInFlight=" + maxRequestsInFlight + ", requestTimeout=" + requestTimeout
                + ", closeTimeout=" + closeTimeout + ", drainOnShutdown=" + drainOnShutdown + ", retryPolicy=" + retryPolicy
                + ", threadNamePrefix=" + threadNamePrefix + '}';
    }

    /** Builds {@link ProcessorOptions}; starts from the defaults, so set only what differs. Not thread-safe. */
    public static final class Builder {
        private int maxBatchSize = MAX_BATCH_SIZE_LIMIT;
        private Duration maxDelay = Duration.ofSeconds(1);
        private int queueCapacity = 10_000;
        private long queueCapacityBytes = 16L * 1024 * 1024;
        private QueueFullPolicy queueFullPolicy = QueueFullPolicy.BLOCK_WITH_TIMEOUT;
        private Duration enqueueTimeout = Duration.ofMillis(100);
        private int maxRequestsInFlight = 4;
        private Duration requestTimeout = Duration.ofSeconds(60);
        private Duration closeTimeout = Duration.ofSeconds(30);
        private boolean drainOnShutdown = true;
        private RetryPolicy retryPolicy = RetryPolicy.defaults();
        private DeliveryListener listener = new DeliveryLoggingListener();
        private String threadNamePrefix = "tiktok-events-processor";

        private Builder() {
        }

        /**
         * Events per request. Default 1000, TikTok's limit.
         *
         * @param maxBatchSize from 1 to 1000
         * @return this builder
         */
        public Builder maxBatchSize(int maxBatchSize) {
            if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE_LIMIT) {
                throw new IllegalArgumentException("maxBatchSize must be from 1 to " + MAX_BATCH_SIZE_LIMIT
                        + ", was " + maxBatchSize);
            }
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /**
         * Longest wait of a queued event before its (possibly partial) batch is sent. Default 1 s.
         *
         * @param maxDelay positive
         * @return this builder
         */
        public Builder maxDelay(Duration maxDelay) {
            this.maxDelay = positive(maxDelay, "maxDelay");
            return this;
        }

        /**
         * Most events waiting in the queue. Default 10 000.
         *
         * @param queueCapacity at least 1
         * @return this builder
         */
        public Builder queueCapacity(int queueCapacity) {
            if (queueCapacity < 1) {
                throw new IllegalArgumentException("queueCapacity must be at least 1, was " + queueCapacity);
            }
            this.queueCapacity = queueCapacity;
            return this;
        }

        /**
         * Most estimated serialized bytes of events waiting in the queue. Default 16 MiB.
         *
         * @param queueCapacityBytes at least 1
         * @return this builder
         */
        public Builder queueCapacityBytes(long queueCapacityBytes) {
            if (queueCapacityBytes < 1) {
                throw new IllegalArgumentException("queueCapacityBytes must be at least 1, was " + queueCapacityBytes);
            }
            this.queueCapacityBytes = queueCapacityBytes;
            return this;
        }

        /**
         * What {@code enqueue} does when the queue is full. Default {@link QueueFullPolicy#BLOCK_WITH_TIMEOUT}.
         *
         * @param queueFullPolicy the policy
         * @return this builder
         */
        public Builder queueFullPolicy(QueueFullPolicy queueFullPolicy) {
            this.queueFullPolicy = Objects.requireNonNull(queueFullPolicy, "queueFullPolicy");
            return this;
        }

        /**
         * Longest wait for room under {@link QueueFullPolicy#BLOCK_WITH_TIMEOUT}. Default 100 ms.
         *
         * @param enqueueTimeout zero or positive
         * @return this builder
         */
        public Builder enqueueTimeout(Duration enqueueTimeout) {
            this.enqueueTimeout = nonNegative(enqueueTimeout, "enqueueTimeout");
            return this;
        }

        /**
         * Most requests outstanding at once; a request waiting for a retry holds its place. Default 4.
         *
         * @param maxRequestsInFlight at least 1
         * @return this builder
         */
        public Builder maxRequestsInFlight(int maxRequestsInFlight) {
            if (maxRequestsInFlight < 1) {
                throw new IllegalArgumentException("maxRequestsInFlight must be at least 1, was " + maxRequestsInFlight);
            }
            this.maxRequestsInFlight = maxRequestsInFlight;
            return this;
        }

        /**
         * Time after which a request without an answer counts as a retryable timeout; the late answer, if any,
         * is ignored (TikTok deduplicates the resend on {@code event_id}). A safety net behind the HTTP client's
         * own timeouts, so keep it longer than those. Default 60 s.
         *
         * @param requestTimeout positive
         * @return this builder
         */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = positive(requestTimeout, "requestTimeout");
            return this;
        }

        /**
         * How long {@code close()} without an argument keeps delivering before it reports the rest as failed.
         * Default 30 s.
         *
         * @param closeTimeout zero or positive
         * @return this builder
         */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = nonNegative(closeTimeout, "closeTimeout");
            return this;
        }

        /**
         * Whether to register a JVM shutdown hook that closes the processor, delivering what it holds within
         * {@code closeTimeout}, if it is still open when the JVM exits normally (end of {@code main},
         * {@code System.exit}, SIGTERM, Ctrl-C). Default true: without it, events waiting for {@code maxDelay} or a
         * retry are lost at exit by an application that forgot {@code close()}, silently. {@link
         * EventProcessor#close()} removes the hook, so a closed processor leaves nothing behind; until then the hook
         * keeps the processor reachable. Nothing runs on {@code kill -9} (SIGKILL), a crash or
         * {@code Runtime.halt}: whatever is queued or in flight then is lost. Keep {@code closeTimeout} below your
         * platform's grace period (Kubernetes: 30 s by default) so the drain ends before the hard kill. Turn it off
         * when your framework closes the processor itself and you want no JVM-wide hook.
         *
         * @param drainOnShutdown true to register the hook
         * @return this builder
         */
        public Builder drainOnShutdown(boolean drainOnShutdown) {
            this.drainOnShutdown = drainOnShutdown;
            return this;
        }

        /**
         * How failed requests are retried. Default {@link RetryPolicy#defaults()}.
         *
         * @param retryPolicy the policy; {@link RetryPolicy#none()} to never retry
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Who hears each event's outcome. The default logs failures at WARNING through {@link System.Logger} and
         * ignores deliveries: the first three failures of each kind (exception type and TikTok code) one by one,
         * then one summary line each time that kind's count doubles, with the count and the first event ids, so a
         * wrong token failing thousands of events makes a dozen lines, not thousands.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder listener(DeliveryListener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Prefix of the names of the processor's daemon threads. Default {@code tiktok-events-processor}.
         *
         * @param threadNamePrefix not blank
         * @return this builder
         */
        public Builder threadNamePrefix(String threadNamePrefix) {
            Objects.requireNonNull(threadNamePrefix, "threadNamePrefix");
            if (threadNamePrefix.isBlank()) {
                throw new IllegalArgumentException("threadNamePrefix must not be blank");
            }
            this.threadNamePrefix = threadNamePrefix;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return immutable options
         */
        public ProcessorOptions build() {
            return new ProcessorOptions(this);
        }

        private static Duration positive(Duration value, String name) {
            if (nonNegative(value, name).isZero()) {
                throw new IllegalArgumentException(name + " must be positive, was " + value);
            }
            return value;
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, was " + value);
            }
            return value;
        }
    }
}
