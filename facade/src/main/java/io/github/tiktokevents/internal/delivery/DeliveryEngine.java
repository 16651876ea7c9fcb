package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.internal.metrics.SourceMetrics;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.ToLongFunction;

/**
 * The background processor's engine, generic over the item type: a bounded queue fed by any thread, and one
 * delivery thread that cuts it into batches and delivers them through a {@link DeliverySender} with a bounded
 * number of requests in flight, retries and splitting of refused batches. Every accepted or refused item gets
 * exactly one outcome on the {@link DeliveryListener}. "The delivery thread" below is the scheduler's serial lane:
 * its own thread, or the thread that brought an answer while the lane was free (pipelining: that thread books the
 * answer and starts the next request without a hop).
 *
 * <pre>{@code
 * DeliveryEngine<Event> engine = DeliveryEngine.start(chunk -> transport.sendAsync(chunk),
 *         Event::eventId, Event::estimatedBytes, ProcessorOptions.defaults());
 * engine.enqueue(event);
 * engine.flush();
 * engine.close();
 * }</pre>
 *
 * <p>Batches are sent when {@code maxBatchSize} items are queued, when the first item queued since the last
 * max-delay flush has waited {@code maxDelay}, when the queue is full, on {@link #flushAsync()}, and during
 * close. A batch leaves the queue only when a request slot is free, so the queue bounds the memory held.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param <E> the item type
 */
public final class DeliveryEngine<E> {
    private final Function<? super E, String> idOf;
    private final ToLongFunction<? super E> sizeOf;
    private final ProcessorOptions options;
    private final DeliveryScheduler scheduler;
    private final DeliveryQueue<E> queue;
    private final DeliveryOutcomes outcomes;
    private final DeliveryContext<E> context;
    private final DeliveryBarriers barriers = new DeliveryBarriers();
    private final FlushVerdicts verdicts = new FlushVerdicts();
    private final int maxBatch;
    private final boolean blockWhenFull;
    private final long enqueueTimeoutNanos;
    private final AtomicBoolean pumpSignalled = new AtomicBoolean();
    private final AtomicBoolean timerArmed = new AtomicBoolean();
    private final LongSupplier depthReader = this::queueDepth;
    private final CompletableFuture<Void> nobodyWaits = new CompletableFuture<>();
    private final CompletableFuture<Void> terminated = new CompletableFuture<>();
    private final DeliveryShutdown shutdown;
    private final SourceMetrics metrics;
    /** False for an engine fed from an outbox, whose processor counts what it stores instead. */
    private final boolean countsIntake;
    private volatile boolean closed;
    private volatile long drained;

    // Confined to the delivery thread.
    private final List<DeliveryJob<E>> jobs = new ArrayList<>();
    private long nextJobSerial = 1;
    private boolean closing;
    private boolean stopped;

    DeliveryEngine(DeliverySender<E> sender, Function<? super E, String> idOf, ToLongFunction<? super E> sizeOf,
                   ProcessorOptions options, DeliveryScheduler scheduler, DoubleSupplier random) {
        this(sender, idOf, sizeOf, options, scheduler, random, SourceMetrics.NONE, null);
    }

    @SuppressWarnings("unchecked") // the settlement is told this engine's items only
    DeliveryEngine(DeliverySender<E> sender, Function<? super E, String> idOf, ToLongFunction<? super E> sizeOf,
                   ProcessorOptions options, DeliveryScheduler scheduler, DoubleSupplier random, SourceMetrics metrics,
                   DeliverySettlement<? super E> settlement) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.countsIntake = settlement == null;
        this.idOf = Objects.requireNonNull(idOf, "idOf");
        this.sizeOf = Objects.requireNonNull(sizeOf, "sizeOf");
        this.options = Objects.requireNonNull(options, "options");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.queue = new DeliveryQueue<>(options.queueCapacity(), options.queueCapacityBytes());
        this.outcomes = new DeliveryOutcomes(options.listener(), verdicts, metrics,
                (DeliverySettlement<Object>) settlement);
        this.context = new DeliveryContext<>(Objects.requireNonNull(sender, "sender"), scheduler,
                options.retryPolicy(), options.requestTimeout(), Objects.requireNonNull(random, "random"), outcomes);
        this.maxBatch = options.maxBatchSize();
        this.blockWhenFull = options.queueFullPolicy() == QueueFullPolicy.BLOCK_WITH_TIMEOUT;
        this.enqueueTimeoutNanos = Durations.saturatedNanos(options.enqueueTimeout());
        this.shutdown = new DeliveryShutdown(scheduler, terminated, this::forceStop);
    }

    /**
     * Starts an engine on its own daemon thread, named {@code <threadNamePrefix>-delivery}.
     *
     * @param sender sends one chunk asynchronously
     * @param idOf the item's {@code event_id}; must not return null
     * @param sizeOf the item's estimated serialized size in bytes; called once per enqueue, on the caller's thread; the
     *        processor's makes the event's request bytes there the first time (they are kept for sending)
     * @param options the options
     * @param <E> the item type
     * @return the running engine
     */
    public static <E> DeliveryEngine<E> start(DeliverySender<E> sender, Function<? super E, String> idOf,
                                       ToLongFunction<? super E> sizeOf, ProcessorOptions options) {
        return start(sender, idOf, sizeOf, options, SourceMetrics.NONE, null);
    }

    /**
     * Starts an engine that also reports to a metrics hook: its events' intake, outcomes and retries.
     *
     * @param sender sends one chunk asynchronously
     * @param idOf the item's {@code event_id}
     * @param sizeOf the item's estimated serialized size in bytes
     * @param options the options
     * @param metrics the hook, bound to the engine's source
     * @param <E> the item type
     * @return the running engine
     */
    public static <E> DeliveryEngine<E> start(DeliverySender<E> sender, Function<? super E, String> idOf,
                                       ToLongFunction<? super E> sizeOf, ProcessorOptions options,
                                       SourceMetrics metrics) {
        return start(sender, idOf, sizeOf, options, metrics, null);
    }

    /**
     * Starts an engine that also reports to a metrics hook (its events' intake, outcomes and retries), and whose
     * items' outcomes a {@link DeliverySettlement} hears first, and may keep.
     *
     * @param sender sends one chunk asynchronously
     * @param idOf the item's {@code event_id}
     * @param sizeOf the item's estimated serialized size in bytes
     * @param options the options
     * @param metrics the hook, bound to the engine's source
     * @param settlement told every accepted item's outcome before the listener; null for none
     * @param <E> the item type
     * @return the running engine
     */
    public static <E> DeliveryEngine<E> start(DeliverySender<E> sender, Function<? super E, String> idOf,
                                       ToLongFunction<? super E> sizeOf, ProcessorOptions options,
                                       SourceMetrics metrics, DeliverySettlement<? super E> settlement) {
        DeliveryScheduler threads = new DeliveryThreadScheduler(options.threadNamePrefix() + "-delivery");
        return new DeliveryEngine<>(sender, idOf, sizeOf, options, threads,
                () -> ThreadLocalRandom.current().nextDouble(), metrics, settlement);
    }

    /**
     * Queues an item for delivery. Never sends on the caller's thread; waits only under
     * {@link QueueFullPolicy#BLOCK_WITH_TIMEOUT}, at most {@code enqueueTimeout}.
     *
     * @param item the item, its {@code event_id} already set
     * @return true if accepted (its outcome comes later); false if refused, in which case the listener has
     *         already heard {@code failed(id, QueueFullException | ProcessorClosedException)}. A caller
     *         interrupted while waiting for room is refused and keeps its interrupt flag
     * @throws NullPointerException if the item is null
     * @throws IllegalArgumentException if the item has no {@code event_id}
     */
    public boolean enqueue(E item) {
        Objects.requireNonNull(item, "event");
        String id = idOf.apply(item);
        if (id == null) {
            throw new IllegalArgumentException("event_id: must be set before the event is queued");
        }
        if (closed) {
            outcomes.rejected(id, DeliveryRejections.closed());
            return false;
        }
        DeliveryItem<E> node = DeliveryItem.of(item, id, Math.max(0L, sizeOf.applyAsLong(item)),
                verdicts.nextSequence());
        int result = queue.tryAdd(node);
        if (result == DeliveryQueue.FULL_BY_COUNT || result == DeliveryQueue.FULL_BY_BYTES) {
            requestEarlyDrain();
            if (blockWhenFull) {
                result = queue.addWaiting(node, enqueueTimeoutNanos);
            }
        }
        if (result <= 0) {
            outcomes.rejected(id, DeliveryRejections.forQueueResult(result, node.bytes, options));
            return false;
        }
        if (closed && queue.remove(node)) {
            // close() raced with this call and may already have swept the queue: refuse it ourselves.
            outcomes.rejected(id, DeliveryRejections.closed());
            return false;
        }
        if (countsIntake) {
            metrics.enqueued(); // with an outbox, intake is the store, counted there: a claim is not an enqueue
        }
        if (result >= maxBatch) {
            signalPump();
        }
        if (!timerArmed.get() && timerArmed.compareAndSet(false, true)) {
            armMaxDelayTimer();
        }
        return true;
    }

    /**
     * Sends everything queued now, without waiting for full batches.
     *
     * @return completes when every item enqueued before this call is delivered or definitively failed: with true
     *         if every item accepted since the previous flush call and before this one was delivered, false if any
     *         of them failed
     */
    public CompletableFuture<Boolean> flushAsync() {
        FlushVerdicts.Window window = verdicts.open();
        CompletableFuture<Void> settled = new CompletableFuture<>();
        CompletableFuture<Boolean> verdict = settled.thenApply(done -> verdicts.close(window));
        if (terminated.isDone()) {
            settled.complete(null);
            return verdict;
        }
        queue.addMarker(DeliveryItem.marker(settled));
        if (!executeQuietly(this::pump)) {
            terminated.whenComplete((ignored, failure) -> settled.complete(null));
        }
        return verdict;
    }

    /**
     * Blocks until every item enqueued before this call is settled, or the timeout passes.
     *
     * @param timeout the longest wait; null to wait without limit
     * @return true if everything was settled and every item accepted since the previous flush was delivered;
     *         false if one of them failed, on timeout, or if the thread was interrupted (its interrupt flag is then
     *         set again)
     * @throws IllegalStateException when called on the delivery thread (from a listener), where it would deadlock
     */
    boolean flush(Duration timeout) {
        if (scheduler.inSchedulerThread()) {
            throw new IllegalStateException("flush() cannot wait on the processor's own thread; use flushAsync()");
        }
        CompletableFuture<Boolean> verdict = flushAsync();
        return DeliveryShutdown.await(verdict, timeout) && verdict.join();
    }

    /**
     * Stops intake, keeps delivering for at most {@code timeout}, then reports everything unsettled as failed
     * with {@link ProcessorClosedException} and ends the delivery thread. Idempotent; a later call with a shorter
     * timeout shortens the wait. On the delivery thread itself it starts closing without waiting.
     *
     * @param timeout how long to keep delivering
     */
    public void close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (!closed) {
            closed = true;
            queue.close();
            executeQuietly(this::beginClose);
        }
        shutdown.closeWithin(timeout);
    }

    /** @return whether the calling thread is this engine's delivery thread, where waiting on it would deadlock */
    public boolean inDeliveryThread() {
        return scheduler.inSchedulerThread();
    }

    /** @return items waiting in the queue now; cheap, any thread */
    public long queueDepth() {
        return queue.count();
    }

    /** @return one reader of {@link #queueDepth()}, always the same instance, for a metrics hook to open and close */
    public LongSupplier depthReader() {
        return depthReader;
    }

    /** @return a snapshot of the counters */
    public ProcessorStats stats() {
        long queued = queue.count();
        long taken = drained;
        long delivered = outcomes.delivered();
        long failed = outcomes.failed();
        return new ProcessorStats(taken + queued, delivered, failed, outcomes.rejected(), outcomes.retried(),
                outcomes.requests(), queued, Math.max(0L, taken - delivered - failed - outcomes.kept()));
    }

    /** @return completes when the engine has stopped and every accepted item has its outcome */
    CompletableFuture<Void> terminated() {
        return terminated;
    }

    private void requestEarlyDrain() {
        if (queue.markers() == 0) {
            queue.addMarker(DeliveryItem.marker(nobodyWaits));
        }
        signalPump();
    }

    private void signalPump() {
        if (!pumpSignalled.get() && pumpSignalled.compareAndSet(false, true)) {
            executeQuietly(this::pump);
        }
    }

    private void armMaxDelayTimer() {
        try {
            scheduler.schedule(this::onMaxDelay, options.maxDelay());
        } catch (RejectedExecutionException shutDown) {
            // Closed meanwhile: close drains or sweeps the queue anyway.
        }
    }

    private void onMaxDelay() {
        timerArmed.set(false); // first, so an item added after this line arms a new timer
        if (queue.count() > 0) {
            queue.addMarker(DeliveryItem.marker(nobodyWaits));
        }
        pump();
    }

    private void pump() {
        if (stopped) {
            sweepQueue();
            return;
        }
        while (true) {
            TikTokException halted = context.halt.blocking();
            if (halted != null) {
                failQueued(halted);
            }
            while (halted == null && jobs.size() < options.maxRequestsInFlight() && shouldDrain()) {
                List<DeliveryItem<E>> batch = new ArrayList<>(Math.min(maxBatch, Math.max(1, queue.count())));
                long serial = nextJobSerial;
                queue.drainTo(batch, maxBatch, marker -> barriers.add(marker.marker, batch.isEmpty() ? serial - 1 : serial));
                if (batch.isEmpty()) {
                    if (queue.isEmpty()) {
                        break;
                    }
                    continue;
                }
                drained += batch.size();
                nextJobSerial++;
                DeliveryJob<E> job = new DeliveryJob<>(serial, batch, context, this::onJobDone);
                jobs.add(job);
                job.start();
            }
            if (jobs.size() < options.maxRequestsInFlight()) {
                pumpSignalled.set(false); // then look again, so a signal sent meanwhile is not lost
                if (shouldDrain() && !queue.isEmpty()) {
                    continue;
                }
            }
            break;
        }
        barriers.completeSettled(jobs);
        if (closing && jobs.isEmpty() && queue.isEmpty()) {
            terminate();
        }
    }

    /** Fails everything queued with the error that halted sending, without a request. */
    private void failQueued(TikTokException halted) {
        List<DeliveryItem<E>> failing = new ArrayList<>();
        long lastJob = nextJobSerial - 1;
        queue.drainTo(failing, Integer.MAX_VALUE, marker -> barriers.add(marker.marker, lastJob));
        drained += failing.size();
        for (DeliveryItem<E> item : failing) {
            outcomes.failed(item, halted);
        }
    }

    private boolean shouldDrain() {
        return closing || queue.markers() > 0 || queue.count() >= maxBatch;
    }

    private void onJobDone(DeliveryJob<E> job) {
        jobs.remove(job);
        pump();
    }

    private void beginClose() {
        closing = true;
        pump();
    }

    private void forceStop() {
        if (stopped) {
            return;
        }
        closing = true;
        for (DeliveryJob<E> job : jobs) {
            job.abort();
        }
        jobs.clear();
        terminate();
    }

    private void terminate() {
        stopped = true;
        sweepQueue();
        barriers.completeAll();
        terminated.complete(null);
        scheduler.shutdown();
    }

    private void sweepQueue() {
        List<DeliveryItem<E>> left = new ArrayList<>();
        List<CompletableFuture<Void>> markers = new ArrayList<>();
        queue.drainTo(left, Integer.MAX_VALUE, marker -> markers.add(marker.marker));
        drained += left.size();
        for (DeliveryItem<E> item : left) {
            outcomes.failed(item, DeliveryRejections.closedBeforeSent());
        }
        // Only now: a flush's verdict is read when its marker completes, after the items before it have failed.
        markers.forEach(marker -> marker.complete(null));
    }

    private boolean executeQuietly(Runnable task) {
        try {
            scheduler.execute(task);
            return true;
        } catch (RejectedExecutionException shutDown) {
            return false;
        }
    }
}
