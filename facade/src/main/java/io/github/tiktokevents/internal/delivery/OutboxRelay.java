package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.outbox.RefusedEvent;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.ProcessorStats;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * Moves one source's stored events from an {@link Outbox} into a {@link DeliveryEngine} and their outcomes back:
 * its own thread claims the next events whenever fewer than {@code window} are in the engine's hands, and writes
 * settlements to the outbox (delivered: removed; refused for good: kept with TikTok's answer; anything else: released
 * to be claimed again), so the engine's delivery thread never waits on storage. After a failure that keeps events
 * (retries ran out, the token was refused) it claims nothing for {@link DeliveryHalt#RECHECK}, so a TikTok outage
 * does not turn into a loop of resends.
 */
final class OutboxRelay implements DeliverySettlement<OutboxEvent> {
    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.processor");

    private final EventSource source;
    private final ApiEdition edition;
    private final Outbox outbox;
    private final int window;
    private final int claimSize;
    private final Duration idlePoll;
    private final Clock clock;
    private final DeliveryListener listener;
    private final Runnable onRoom;
    private final DeliveryEngine<OutboxEvent> engine;
    private final Thread thread;

    private final Queue<OutboxEvent> deliveredEvents = new ConcurrentLinkedQueue<>();
    private final Queue<RefusedEvent> refusedEvents = new ConcurrentLinkedQueue<>();
    private final Queue<OutboxEvent> releasedEvents = new ConcurrentLinkedQueue<>();
    private final Queue<CompletableFuture<Boolean>> flushes = new ConcurrentLinkedQueue<>();
    /** Flushes the engine has settled, answered once their events' settlements are written to the outbox. */
    private final Queue<Runnable> settledFlushes = new ConcurrentLinkedQueue<>();
    /** Claimed and not yet settled in the outbox: what counts against the window. */
    private final AtomicLong held = new AtomicLong();
    /** Refused here, before sending: stored bytes this client cannot send. */
    private final AtomicLong refusedHere = new AtomicLong();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private boolean signalled;
    private volatile boolean stopping;
    private volatile long pausedUntilNanos;
    private volatile boolean paused;
    private volatile long closeDeadlineNanos;

    OutboxRelay(EventSource source, ApiEdition edition, Outbox outbox, int window, int claimSize, Duration idlePoll,
                Clock clock, DeliveryListener listener, Runnable onRoom, EngineStarter starter, String threadName) {
        this.source = source;
        this.edition = edition;
        this.outbox = outbox;
        this.window = window;
        this.claimSize = claimSize;
        this.idlePoll = idlePoll;
        this.clock = clock;
        this.listener = listener;
        this.onRoom = onRoom;
        this.engine = starter.start(this);
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
    }

    /** Starts the engine this relay feeds, given the relay as its settlement. */
    @FunctionalInterface
    interface EngineStarter {
        DeliveryEngine<OutboxEvent> start(DeliverySettlement<OutboxEvent> settlement);
    }

    void start() {
        thread.start();
    }

    /** An event of this source was stored: claim now rather than at the next poll. */
    void signal() {
        lock.lock();
        try {
            signalled = true;
            wake.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Claims everything stored now, then flushes the engine.
     *
     * @return true if every event this covered was delivered
     */
    CompletableFuture<Boolean> flushAsync() {
        CompletableFuture<Boolean> flushed = new CompletableFuture<>();
        flushes.add(flushed);
        signal();
        if (!thread.isAlive() && stopping) {
            flushed.complete(false);
        }
        return flushed;
    }

    /** Stops claiming, closes the engine within the deadline (what it still holds is released), writes the rest. */
    void close(long deadlineNanos) {
        closeDeadlineNanos = deadlineNanos;
        stopping = true;
        signal();
    }

    /** Waits for the relay's thread to end, at most until the deadline. */
    void awaitClosed(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        }
    }

    boolean inDeliveryThread() {
        return engine.inDeliveryThread() || Thread.currentThread() == thread;
    }

    ProcessorStats stats() {
        return engine.stats();
    }

    /** The engine's reader of its queue's depth (claimed events waiting for a request), the same instance each time. */
    LongSupplier depthReader() {
        return engine.depthReader();
    }

    long refusedBeforeSending() {
        return refusedHere.get();
    }

    @Override
    public void delivered(OutboxEvent item) {
        deliveredEvents.add(item);
        signal();
    }

    @Override
    public boolean failed(OutboxEvent item, TikTokException error) {
        if (error instanceof ProcessorClosedException) {
            releasedEvents.add(item); // closing: left for the next start, not a failure
            signal();
            return false;
        }
        if (error.isRetryable() || DeliveryErrors.failsEveryEvent(error)) {
            // Not about this event: TikTok unreachable until the retries ran out, or a token or permission to fix.
            pausedUntilNanos = System.nanoTime() + Durations.saturatedNanos(DeliveryHalt.RECHECK);
            paused = true;
            releasedEvents.add(item);
            signal();
            return false;
        }
        refusedEvents.add(RefusedEvent.of(item, error, clock.instant()));
        signal();
        return true;
    }

    private void run() {
        try {
            while (!stopping) {
                writeSettlementsAndAnswerFlushes();
                boolean more = !stopping && claimAndFeed();
                if (!more && !stopping) {
                    await(idlePoll);
                }
            }
            engine.close(Duration.ofNanos(Math.max(0L, closeDeadlineNanos - System.nanoTime())));
        } catch (RuntimeException | Error bug) {
            LOG.log(System.Logger.Level.ERROR, "The outbox relay of " + source.wireValue() + " events stopped", bug);
            engine.close(Duration.ZERO);
        } finally {
            writeSettlementsAndAnswerFlushes();
            CompletableFuture<Boolean> flush;
            while ((flush = flushes.poll()) != null) {
                flush.complete(false);
            }
        }
    }

    /** @return true if it claimed a full batch, so more may be waiting */
    private boolean claimAndFeed() {
        if (paused && System.nanoTime() - pausedUntilNanos < 0) {
            completeFlushes(takeFlushes(), false);
            return false;
        }
        paused = false;
        long room = window - held.get();
        if (room <= 0) {
            return false; // a settlement signals room
        }
        // Taken before claiming: everything stored before these flushes were asked for is visible to this claim, so
        // a claim that comes back short has taken all of it into the engine.
        List<CompletableFuture<Boolean>> covered = takeFlushes();
        int asked = (int) Math.min(room, claimSize);
        List<OutboxEvent> claimed;
        try {
            claimed = outbox.claim(source, asked);
        } catch (RuntimeException storeFailed) {
            LOG.log(System.Logger.Level.WARNING, "Could not claim stored " + source.wireValue()
                    + " events; trying again in " + idlePoll.toMillis() + " ms: " + storeFailed.getMessage());
            completeFlushes(covered, false);
            return false;
        }
        held.addAndGet(claimed.size());
        for (OutboxEvent event : claimed) {
            if (event.edition() != edition) {
                refuseUnsendable(event);
            } else if (!engine.enqueue(event)) {
                releasedEvents.add(event); // the engine closed meanwhile; its listener call named the event
            }
        }
        if (claimed.size() < asked) {
            completeFlushes(covered, null);
            return false;
        }
        flushes.addAll(covered); // more may be stored before them: answered by a later, short claim
        return true;
    }

    private List<CompletableFuture<Boolean>> takeFlushes() {
        List<CompletableFuture<Boolean>> taken = new ArrayList<>();
        CompletableFuture<Boolean> flush;
        while ((flush = flushes.poll()) != null) {
            taken.add(flush);
        }
        return taken;
    }

    /** Bytes of another edition: the client's edition changed since they were stored. Refused for good, kept. */
    private void refuseUnsendable(OutboxEvent event) {
        TikTokConfigurationException error = new TikTokConfigurationException("The stored event's bytes are for "
                + event.edition() + ", and this client sends " + edition + "; it cannot be sent as it was stored");
        refusedEvents.add(RefusedEvent.of(event, error, clock.instant()));
        refusedHere.incrementAndGet();
        try {
            listener.failed(event.eventId(), error);
        } catch (Throwable bug) {
            LOG.log(System.Logger.Level.ERROR, "DeliveryListener.failed threw; outcome unchanged", bug);
        }
    }

    /** These flushes are answered by a flush of the engine, which now holds everything claimable they cover. */
    private void completeFlushes(List<CompletableFuture<Boolean>> covered, Boolean verdict) {
        for (CompletableFuture<Boolean> flush : covered) {
            engine.flushAsync().whenComplete((delivered, failure) -> {
                settledFlushes.add(() -> flush.complete(verdict == null ? failure == null && delivered : verdict));
                signal();
            });
        }
    }

    /**
     * A flush answers once its events are settled in the outbox too, so a caller who flushed sees them removed. The
     * flushes are taken before the settlements are written: every settlement of a flush taken here was queued
     * before it, so it is written first.
     */
    private void writeSettlementsAndAnswerFlushes() {
        List<Runnable> answers = new ArrayList<>();
        Runnable answer;
        while ((answer = settledFlushes.poll()) != null) {
            answers.add(answer);
        }
        writeSettlements();
        answers.forEach(Runnable::run);
    }

    private void writeSettlements() {
        int settled = 0;
        settled += write(deliveredEvents, outbox::delivered, "remove delivered");
        settled += write(refusedEvents, outbox::refused, "keep refused");
        settled += write(releasedEvents, outbox::release, "release");
        if (settled > 0) {
            held.addAndGet(-settled);
            onRoom.run();
        }
    }

    private <T> int write(Queue<T> from, java.util.function.Consumer<List<T>> to, String what) {
        List<T> batch = new ArrayList<>();
        T next;
        while ((next = from.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            return 0;
        }
        try {
            to.accept(batch);
        } catch (RuntimeException storeFailed) {
            // Left as they are in the store: a restart sends them again (TikTok deduplicates on event_id).
            LOG.log(System.Logger.Level.WARNING, "Could not " + what + " " + batch.size() + " stored "
                    + source.wireValue() + " events: " + storeFailed.getMessage());
        }
        return batch.size();
    }

    private void await(Duration timeout) {
        lock.lock();
        try {
            if (!signalled) {
                wake.await(Durations.saturatedNanos(timeout), TimeUnit.NANOSECONDS);
            }
            signalled = false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }
}
