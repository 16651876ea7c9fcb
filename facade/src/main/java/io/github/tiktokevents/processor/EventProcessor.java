package io.github.tiktokevents.processor;

import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.delivery.DeliveryEngine;
import io.github.tiktokevents.internal.delivery.DeliveryLoggingListener;
import io.github.tiktokevents.internal.delivery.DeliveryOutcomes;
import io.github.tiktokevents.internal.delivery.DeliveryRejections;
import io.github.tiktokevents.internal.delivery.DeliveryReply;
import io.github.tiktokevents.internal.delivery.DeliverySender;
import io.github.tiktokevents.internal.delivery.DeliveryShutdown;
import io.github.tiktokevents.internal.delivery.OutboxDelivery;
import io.github.tiktokevents.internal.delivery.ProcessorFactory;
import io.github.tiktokevents.internal.delivery.ShutdownDrain;
import io.github.tiktokevents.internal.http.ClientSettings;
import io.github.tiktokevents.internal.wire.EventWire;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.OutboxEvent;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * A background processor for fire-and-forget sending: {@link #enqueue(Event)} puts an event in a bounded queue
 * and returns at once; a daemon thread batches the queue into requests, sends them asynchronously with a bounded
 * number in flight, retries what may succeed later, splits a batch TikTok refuses because of a bad event so the
 * good ones still go, and reports every event's single outcome to the {@link DeliveryListener}. Thread-safe; share
 * one per client. Made by {@link TikTokEvents#processor(ProcessorOptions)}.
 *
 * <pre>{@code
 * EventProcessor processor = tiktok.processor(ProcessorOptions.builder()
 *         .listener(new DeliveryListener() {
 *             public void failed(String eventId, TikTokException error) {
 *                 log.warn("event {} lost: {}", eventId, error.getMessage());
 *             }
 *         })
 *         .build());
 * // on the request path: microseconds, never a network round trip
 * processor.enqueue(Event.builder(EventNames.COMPLETE_PAYMENT).user(user).page(page).build());
 * // at shutdown (tiktok.close() also does this for every processor it made):
 * processor.close();
 * }</pre>
 *
 * <p><b>Sources.</b> Each source (web, app, offline, CRM) has its own {@code event_source_id}, so a request carries
 * events of one source only. The processor keeps one engine per source, started when the first event of that
 * source arrives, with its own queue and thread {@code <threadNamePrefix>-<source>-delivery}. The queue
 * capacities and {@code maxRequestsInFlight} of {@link ProcessorOptions} therefore apply per source. With Events
 * API 1.0 the batch size is capped at the client's {@code pixelBatchSize}.
 *
 * <p><b>Outcomes.</b> Every event given to {@code enqueue} ends in exactly one {@link DeliveryListener} call:
 * {@code delivered}, or {@code failed} with a typed {@link TikTokException}. Delivery outcomes are reported on the
 * processor's thread or the HTTP thread that brought the answer, one at a time per source (see
 * {@link DeliveryListener}); refusals by {@code enqueue} on the caller's thread, before {@code enqueue} returns.
 * Close the processor, or its client ({@link TikTokEvents#close()}), at shutdown; if the JVM exits normally first, a shutdown
 * hook closes it (see {@link ProcessorOptions.Builder#drainOnShutdown(boolean)}), and {@code kill -9} loses whatever
 * is queued or in flight, unless the processor keeps its events in an outbox
 * ({@link TikTokEvents#processor(ProcessorOptions, io.github.tiktokevents.outbox.Outbox)}).
 *
 * <p><b>Fail fast.</b> When TikTok refuses a request with an error that fails every event alike (an
 * {@link io.github.tiktokevents.exception.AuthenticationException AuthenticationException}: a wrong or expired token;
 * a {@link io.github.tiktokevents.exception.PermissionDeniedException PermissionDeniedException}; or code 40007, the
 * pixel or event set does not exist), the source's engine stops sending: everything it holds, and what arrives in
 * the next 60 seconds, fails at once with that error and without a request. Then one batch is tried again, so a
 * token or permission fixed on TikTok's side resumes delivery. {@link #flush()} then returns false.
 */
public final class EventProcessor implements AutoCloseable {
    private final ProcessorOptions options;
    private final ClientSettings settings;
    private final BiFunction<EventSource, List<Event>, CompletableFuture<SendResult>> transport;
    private final Consumer<EventProcessor> onClosed;
    private final ProcessorOptions engineOptions;
    /** One engine per source, made on its first event; sources are open values, so a map rather than an array. */
    private final java.util.concurrent.ConcurrentMap<EventSource, DeliveryEngine<Event>> engines =
            new java.util.concurrent.ConcurrentHashMap<>();
    /** Refusals decided here rather than by an engine: a closed processor, a source without an id. */
    private final DeliveryOutcomes refusals;
    private final Object lock = new Object();
    /** The JVM shutdown hook that closes this processor; null when {@code drainOnShutdown} is off. */
    private final ShutdownDrain shutdownDrain;
    /** The durable delivery through an outbox; null for the in-memory processor, which uses {@link #engines}. */
    private final OutboxDelivery durable;
    private volatile boolean closed;

    static {
        // The client, in another package, makes processors; users must not, so the constructor stays package-private.
        ProcessorFactory.install(EventProcessor::new);
    }

    EventProcessor(ProcessorOptions options, ClientSettings settings, Duration httpCallTimeout,
                   BiFunction<EventSource, List<Event>, CompletableFuture<SendResult>> transport,
                   Outbox outbox,
                   BiFunction<EventSource, List<OutboxEvent>, CompletableFuture<SendResult>> storedTransport,
                   Consumer<EventProcessor> onClosed) {
        this.options = Objects.requireNonNull(options, "options");
        this.settings = settings;
        this.transport = transport;
        this.onClosed = onClosed;
        // The default listener counts failures to summarise them: one per processor, never shared through defaults().
        DeliveryListener listener = options.listener() instanceof DeliveryLoggingListener
                ? new DeliveryLoggingListener() : options.listener();
        this.refusals = new DeliveryOutcomes(listener);
        ProcessorOptions.Builder derived = options.toBuilder().listener(listener)
                .maxBatchSize(Math.min(options.maxBatchSize(), settings.maxEventsPerRequest()));
        if (!httpCallTimeout.isZero() && options.requestTimeout().compareTo(httpCallTimeout) <= 0) {
            // The HTTP client's own timeout must fire first: it reports what really went wrong, and it cancels the
            // call, where the engine's safety net would only stop waiting for it.
            derived.requestTimeout(httpCallTimeout.plusSeconds(5));
        }
        this.engineOptions = derived.build();
        this.durable = outbox == null ? null
                : new OutboxDelivery(outbox, engineOptions, settings, storedTransport, refusals, Clock.systemUTC(),
                        (prefix, window) -> engineOptions.toBuilder().threadNamePrefix(prefix).queueCapacity(window)
                                .queueCapacityBytes(Long.MAX_VALUE).queueFullPolicy(QueueFullPolicy.REJECT).build());
        this.shutdownDrain = options.drainOnShutdown()
                ? ShutdownDrain.register(options.threadNamePrefix() + "-shutdown", this::close) : null;
    }

    /**
     * Queues an event for delivery. Never sends on the caller's thread: it serialises the event once (to know its
     * size; the request reuses that JSON) and adds it to the queue. When the queue is full it waits at most
     * {@link ProcessorOptions#enqueueTimeout()} under {@link QueueFullPolicy#BLOCK_WITH_TIMEOUT}, and not at all
     * under {@link QueueFullPolicy#REJECT}.
     *
     * @param event a built event (built events are valid and always carry an {@code event_id})
     * @return true if the event was accepted: its outcome reaches the listener later, from the processor's thread
     *         or an HTTP thread, never this one.
     *         False if it was refused: the listener has already heard {@code failed(eventId, error)} on this
     *         thread, with a {@link QueueFullException} (no room in time, or the event alone exceeds
     *         {@code queueCapacityBytes}), a {@link ProcessorClosedException} (this processor or its client is
     *         closed), a {@link TikTokConfigurationException} (no id is configured for the event's source, or
     *         the API edition does not take that source), or a {@link TikTokValidationException} (a text value is
     *         longer than the 16,384 characters a request may carry). A caller interrupted while waiting for room is refused
     *         and keeps its interrupt flag
     * @throws NullPointerException if the event is null
     */
    public boolean enqueue(Event event) {
        Objects.requireNonNull(event, "event");
        if (closed) {
            return refuse(event, DeliveryRejections.closed());
        }
        try {
            settings.sourceId(event.source());
        } catch (TikTokConfigurationException notConfigured) {
            return refuse(event, notConfigured);
        }
        if (durable != null) {
            try {
                return durable.enqueue(event);
            } catch (TikTokValidationException unwritable) {
                return refuse(event, unwritable);
            }
        }
        DeliveryEngine<Event> engine = engineFor(event.source());
        if (engine == null) {
            return refuse(event, DeliveryRejections.closed());
        }
        try {
            return engine.enqueue(event);
        } catch (TikTokValidationException unwritable) {
            // its request bytes cannot be written (a text value over the shared rules' bound): refused, not thrown
            return refuse(event, unwritable);
        }
    }

    /** Refuses an event before any engine took it: the listener and the metrics of its source hear it. */
    private boolean refuse(Event event, TikTokException why) {
        refusals.rejected(event.eventId(), why, settings.metrics().forSource(event.source()));
        return false;
    }

    /**
     * Sends everything queued now and waits until every event enqueued before this call is delivered or has
     * definitively failed (retries included, so at most about the retry policy's {@code maxElapsed} plus a
     * request timeout), then says whether they were all delivered.
     *
     * @return true only if every event this processor accepted since the previous flush call (of any kind, the
     *         flush that {@link #close()} makes included) and before this one was delivered; false if any of them
     *         failed (the listener heard which and why), or if the thread was interrupted (its flag is set again)
     * @throws IllegalStateException if called from a listener callback on the processor's thread, where it would
     *                               wait for itself; use {@link #flushAsync()} there
     */
    public boolean flush() {
        return flush(null);
    }

    /**
     * Like {@link #flush()}, giving up the wait (not the events) after a timeout.
     *
     * @param timeout the longest wait; null to wait without limit
     * @return true only if every event accepted since the previous flush call and before this one was delivered
     *         in time; false if any of them failed, on timeout, or if the thread was interrupted (its flag is set
     *         again)
     * @throws IllegalStateException if called from a listener callback on the processor's thread
     */
    public boolean flush(Duration timeout) {
        if (durable != null && durable.inDeliveryThread()) {
            throw new IllegalStateException("flush() cannot wait on the processor's own thread; use flushAsync()");
        }
        for (DeliveryEngine<Event> engine : started()) {
            if (engine.inDeliveryThread()) {
                throw new IllegalStateException("flush() cannot wait on the processor's own thread; use flushAsync()");
            }
        }
        List<CompletableFuture<Boolean>> verdicts = flushEngines();
        if (!DeliveryShutdown.await(CompletableFuture.allOf(verdicts.toArray(new CompletableFuture<?>[0])), timeout)) {
            return false;
        }
        return verdicts.stream().allMatch(CompletableFuture::join);
    }

    /**
     * Sends everything queued now, without blocking. Counts as a flush call for the verdict of the next
     * {@link #flush()}.
     *
     * @return a future completed once every event enqueued before this call is delivered or definitively failed;
     *         the listener (or {@link #stats()}) tells which failed
     */
    public CompletableFuture<Void> flushAsync() {
        return CompletableFuture.allOf(flushEngines().toArray(new CompletableFuture<?>[0]));
    }

    private List<CompletableFuture<Boolean>> flushEngines() {
        if (durable != null) {
            return durable.flushAsync();
        }
        List<CompletableFuture<Boolean>> flushes = new ArrayList<>();
        for (DeliveryEngine<Event> engine : started()) {
            flushes.add(engine.flushAsync());
        }
        return flushes;
    }

    /**
     * Closes within {@link ProcessorOptions#closeTimeout()}; see {@link #close(Duration)}.
     */
    @Override
    public void close() {
        close(options.closeTimeout());
    }

    /**
     * Stops intake (later events are refused with {@link ProcessorClosedException}), keeps delivering what is
     * queued or in flight for at most {@code timeout}, then reports everything still unsettled as failed with
     * {@link ProcessorClosedException} and ends the processor's threads. Returns when that is done (a few seconds
     * of grace beyond the timeout at most). Idempotent. An interrupted caller gives up the rest at once and keeps
     * its interrupt flag.
     *
     * @param timeout how long to keep delivering; zero gives up everything not yet delivered
     */
    public void close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        List<DeliveryEngine<Event>> toClose;
        synchronized (lock) {
            closed = true;
            toClose = started();
        }
        if (durable != null) {
            durable.close(timeout);
        }
        // Every source drains at once; the deadline is shared, so n sources still take at most one timeout.
        toClose.forEach(DeliveryEngine::flushAsync);
        long deadline = System.nanoTime() + DeliveryShutdown.saturatedNanos(timeout);
        for (DeliveryEngine<Event> engine : toClose) {
            engine.close(Duration.ofNanos(Math.max(0L, deadline - System.nanoTime())));
        }
        engines.forEach((source, engine) -> settings.metrics().forSource(source)
                .queueClosed(options.threadNamePrefix(), engine.depthReader()));
        if (shutdownDrain != null) {
            shutdownDrain.remove();
        }
        onClosed.accept(this);
    }

    /**
     * A snapshot of the counters, summed over the sources. Events refused by {@code enqueue} for any reason are
     * in {@link ProcessorStats#rejected()}.
     *
     * @return the counters
     */
    public ProcessorStats stats() {
        if (durable != null) {
            return durable.stats(refusals.rejected());
        }
        long enqueued = 0;
        long delivered = 0;
        long failed = 0;
        long rejected = refusals.rejected();
        long retried = 0;
        long requests = 0;
        long queueDepth = 0;
        long inFlight = 0;
        for (DeliveryEngine<Event> engine : started()) {
            ProcessorStats s = engine.stats();
            enqueued += s.enqueued();
            delivered += s.delivered();
            failed += s.failed();
            rejected += s.rejected();
            retried += s.retried();
            requests += s.requests();
            queueDepth += s.queueDepth();
            inFlight += s.inFlight();
        }
        return new ProcessorStats(enqueued, delivered, failed, rejected, retried, requests, queueDepth, inFlight);
    }

    /**
     * The options this processor was made with, as given (the effective batch size may be lower, see the class
     * documentation).
     *
     * @return the options
     */
    public ProcessorOptions options() {
        return options;
    }

    /** @return whether {@link #close()} has been called */
    public boolean isClosed() {
        return closed;
    }

    /** Shows the options and counters; never an event's content or the access token. */
    @Override
    public String toString() {
        return "EventProcessor{closed=" + closed + ", " + stats() + ", " + options + '}';
    }

    private DeliveryEngine<Event> engineFor(EventSource source) {
        DeliveryEngine<Event> engine = engines.get(source);
        if (engine != null) {
            return engine;
        }
        synchronized (lock) {
            if (closed) {
                return null;
            }
            engine = engines.get(source);
            if (engine == null) {
                ProcessorOptions sourceOptions = engineOptions.toBuilder()
                        .threadNamePrefix(options.threadNamePrefix() + "-" + source.wireValue())
                        .build();
                DeliverySender<Event> sender = chunk -> DeliveryReply.of(transport.apply(source, chunk));
                engine = DeliveryEngine.start(sender, Event::eventId,
                        event -> EventWire.estimatedSizeBytes(event, settings.edition()), sourceOptions,
                        settings.metrics().forSource(source));
                engines.put(source, engine);
                settings.metrics().forSource(source).queueOpened(options.threadNamePrefix(), engine.depthReader());
            }
            return engine;
        }
    }

    /** The shutdown hook, for tests that run it as the JVM would; null when {@code drainOnShutdown} is off. */
    Thread shutdownHook() {
        return shutdownDrain == null ? null : shutdownDrain.thread();
    }

    private List<DeliveryEngine<Event>> started() {
        return new ArrayList<>(engines.values());
    }
}
