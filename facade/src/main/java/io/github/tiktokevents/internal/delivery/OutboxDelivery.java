package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.internal.http.ClientSettings;
import io.github.tiktokevents.internal.metrics.SourceMetrics;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.ProcessorStats;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A durable processor's delivery: {@link #enqueue} stores the event in the {@link Outbox} and returns once it is
 * stored; one {@link OutboxRelay} per configured source claims stored events, the previous process's unfinished ones
 * first, and feeds them to its {@link DeliveryEngine}, which batches, retries and splits exactly as for an in-memory
 * processor and reports to the same listener. Relays start with the processor, so a restart sends what a crash left.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class OutboxDelivery {
    private final Outbox outbox;
    private final ProcessorOptions options;
    private final ApiEdition edition;
    private final DeliveryOutcomes refusals;
    private final Map<EventSource, OutboxRelay> relays = new LinkedHashMap<>();
    private final ClientSettings settings;
    private final LongAdder stored = new LongAdder();
    /** The backlog gauge's last reading, which it keeps while the store cannot be read. */
    private final AtomicLong lastPending = new AtomicLong();
    /** The reader given to the metrics hook, given back when the processor closes. */
    private final LongSupplier pendingReader = this::pendingForGauge;
    private final ReentrantLock roomLock = new ReentrantLock();
    private final Condition room = roomLock.newCondition();
    private volatile boolean closed;

    /**
     * Starts a relay for every source the client has an id for.
     *
     * @param outbox where events are kept
     * @param options the processor's effective options (listener, batch size, retries...)
     * @param settings the client's settings: its sources and edition
     * @param storedTransport sends one chunk of stored events of one source, once
     * @param refusals the processor's refusals (enqueue's own), shared with its other checks
     * @param clock the time refusals are stamped with
     * @param engineOptions a source engine's options from its thread name prefix and its queue's capacity: the
     *        processor's, with a queue that holds the relay's whole window and never makes anyone wait
     */
    public OutboxDelivery(Outbox outbox, ProcessorOptions options, ClientSettings settings,
                          BiFunction<EventSource, List<OutboxEvent>, CompletableFuture<SendResult>> storedTransport,
                          DeliveryOutcomes refusals, Clock clock,
                          BiFunction<String, Integer, ProcessorOptions> engineOptions) {
        this.outbox = outbox;
        this.options = options;
        this.settings = settings;
        this.edition = settings.edition();
        this.refusals = refusals;
        int window = options.maxBatchSize() * (options.maxRequestsInFlight() + 1);
        for (EventSource source : settings.sourceIds().keySet()) {
            if (edition == ApiEdition.PIXEL_V1 && !EventSource.WEB.equals(source)) {
                continue; // 1.0 sends web events only; others stay stored for a 2.0 client
            }
            String prefix = options.threadNamePrefix() + "-" + source.wireValue();
            ProcessorOptions sourceOptions = engineOptions.apply(prefix, window);
            DeliverySender<OutboxEvent> sender = chunk -> DeliveryReply.of(storedTransport.apply(source, chunk));
            Function<OutboxEvent, String> idOf = OutboxEvent::eventId;
            SourceMetrics metrics = settings.metrics().forSource(source);
            OutboxRelay relay = new OutboxRelay(source, edition, outbox, window, options.maxBatchSize(),
                    options.maxDelay(), clock, options.listener(), this::signalRoom,
                    settlement -> DeliveryEngine.start(sender, idOf, event -> event.bodyLength() + 1L,
                            sourceOptions, metrics, settlement), prefix + "-outbox");
            relays.put(source, relay);
            // the metrics' depth is the source's claimed events waiting for a request slot, as an engine's queue
            metrics.queueOpened(options.threadNamePrefix(), relay.depthReader());
        }
        settings.metrics().outboxOpened(options.threadNamePrefix(), pendingReader);
        relays.values().forEach(OutboxRelay::start);
    }

    /**
     * Stores the event; the caller has checked that the processor is open and the source configured.
     *
     * @param event the event
     * @return true once stored; false if refused (the listener heard why)
     */
    public boolean enqueue(Event event) {
        OutboxRelay relay = relays.get(event.source());
        OutboxEvent form = OutboxEvent.of(event, edition); // a TikTokValidationException here: the caller refuses it
        boolean done;
        try {
            done = store(form);
        } catch (TikTokException storeFailed) {
            return refuse(form, storeFailed);
        } catch (RuntimeException storeFailed) {
            return refuse(form, new TikTokException("The outbox could not store the event: "
                    + storeFailed.getClass().getSimpleName(), storeFailed));
        }
        if (!done) {
            return false;
        }
        stored.increment();
        settings.metrics().forSource(event.source()).enqueued();
        if (relay != null) {
            relay.signal();
        }
        return true;
    }

    private boolean store(OutboxEvent form) {
        if (outbox.store(form)) {
            return true;
        }
        if (options.queueFullPolicy() == QueueFullPolicy.BLOCK_WITH_TIMEOUT && !options.enqueueTimeout().isZero()) {
            long deadline = System.nanoTime() + Durations.saturatedNanos(options.enqueueTimeout());
            roomLock.lock();
            try {
                while (!closed) {
                    if (outbox.store(form)) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    room.await(left, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return refuse(form, new QueueFullException("The outbox was full and the caller was "
                        + "interrupted while waiting for room"));
            } finally {
                roomLock.unlock();
            }
        }
        if (closed) {
            return refuse(form, DeliveryRejections.closed());
        }
        return refuse(form, new QueueFullException("The outbox is full: " + outbox.size()
                + " events stored and unfinished" + (options.queueFullPolicy() == QueueFullPolicy.REJECT
                ? " (queueFullPolicy REJECT)" : "; no room within " + options.enqueueTimeout() + " (enqueueTimeout)")));
    }

    /** Refuses an event: the listener and the metrics of its source hear it. */
    private boolean refuse(OutboxEvent event, TikTokException why) {
        refusals.rejected(event.eventId(), why, settings.metrics().forSource(event.source()));
        return false;
    }

    /**
     * Claims everything stored now and flushes every source.
     *
     * @return one verdict per source
     */
    public List<CompletableFuture<Boolean>> flushAsync() {
        List<CompletableFuture<Boolean>> verdicts = new ArrayList<>();
        for (OutboxRelay relay : relays.values()) {
            verdicts.add(relay.flushAsync());
        }
        return verdicts;
    }

    /** @return whether the calling thread is one of the relays' or engines' own */
    public boolean inDeliveryThread() {
        for (OutboxRelay relay : relays.values()) {
            if (relay.inDeliveryThread()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Stops intake, delivers what is stored for at most {@code timeout} (everything stored before, claimed within
     * the window), releases what is left for the next start, and closes the outbox.
     *
     * @param timeout how long to keep delivering
     */
    public void close(Duration timeout) {
        closed = true;
        signalRoom();
        long deadline = System.nanoTime() + Durations.saturatedNanos(timeout);
        List<CompletableFuture<Boolean>> flushes = flushAsync();
        DeliveryShutdown.await(CompletableFuture.allOf(flushes.toArray(new CompletableFuture<?>[0])),
                Duration.ofNanos(Math.max(0L, deadline - System.nanoTime())));
        for (OutboxRelay relay : relays.values()) {
            relay.close(deadline);
        }
        long grace = Math.max(deadline, System.nanoTime()) + TimeUnit.SECONDS.toNanos(5);
        try {
            for (OutboxRelay relay : relays.values()) {
                relay.awaitClosed(grace);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        relays.forEach((source, relay) -> settings.metrics().forSource(source)
                .queueClosed(options.threadNamePrefix(), relay.depthReader()));
        settings.metrics().outboxClosed(options.threadNamePrefix(), pendingReader);
        outbox.close();
    }

    /**
     * The counters summed over the sources: {@code enqueued} counts events stored by this processor, and
     * {@code queueDepth} the outbox's stored and unfinished events not in flight.
     *
     * @param rejected enqueue's refusals
     * @return the counters
     */
    public ProcessorStats stats(long rejected) {
        long delivered = 0;
        long failed = 0;
        long retried = 0;
        long requests = 0;
        long inFlight = 0;
        for (OutboxRelay relay : relays.values()) {
            ProcessorStats s = relay.stats();
            delivered += s.delivered();
            failed += s.failed() + relay.refusedBeforeSending();
            retried += s.retried();
            requests += s.requests();
            inFlight += s.inFlight() + s.queueDepth();
        }
        long size;
        try {
            size = closed ? 0 : outbox.size();
        } catch (RuntimeException storeFailed) {
            size = 0;
        }
        return new ProcessorStats(stored.sum(), delivered, failed, rejected, retried, requests,
                Math.max(0L, size - inFlight), inFlight);
    }

    /**
     * The backlog gauge: stored, unfinished events not yet claimed for a request, as {@link #stats} counts its
     * {@code queueDepth}; the last reading while the store fails, so an unreadable store does not look drained.
     */
    private long pendingForGauge() {
        long size;
        try {
            size = outbox.size();
        } catch (RuntimeException storeFailed) {
            return lastPending.get();
        }
        long inFlight = 0;
        for (OutboxRelay relay : relays.values()) {
            ProcessorStats s = relay.stats();
            inFlight += s.inFlight() + s.queueDepth();
        }
        long pending = Math.max(0L, size - inFlight);
        lastPending.set(pending);
        return pending;
    }

    private void signalRoom() {
        roomLock.lock();
        try {
            room.signalAll();
        } finally {
            roomLock.unlock();
        }
    }

}
