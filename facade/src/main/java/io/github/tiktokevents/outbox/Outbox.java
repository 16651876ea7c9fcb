package io.github.tiktokevents.outbox;

import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import java.util.List;

/**
 * Where a durable processor keeps its events until TikTok has accepted them or refused them for good, so that a
 * crash ({@code kill -9}, an out-of-memory kill, an evicted container) loses none. Users pick an implementation
 * and hand it to the client; the processor is the only caller of the methods below except {@link #refusals(int)}
 * and {@link #forget(List)}, which are how users take the events TikTok refused.
 *
 * <pre>{@code
 * Outbox outbox = LocalOutbox.builder(Path.of("/var/lib/shop/tiktok-outbox")).build();
 * EventProcessor processor = tiktok.processor(ProcessorOptions.defaults(), outbox);
 * processor.enqueue(event);                    // returns once the event is stored
 * ...
 * for (RefusedEvent refused : outbox.refusals(100)) {
 *     log.warn("TikTok refused {}: {}", refused.event().eventId(), refused.message());
 *     outbox.forget(List.of(refused));
 * }
 * }</pre>
 *
 * <h2>The life of a stored event</h2>
 * <ol>
 *   <li>{@link #store}: the processor's {@code enqueue} stores the event; once the call returns true the event
 *       survives a crash of the process (within the durability the implementation documents).</li>
 *   <li>{@link #claim}: the processor takes the next stored events of a source for sending, oldest first. A claimed
 *       event is not handed out again, to this instance or to another sharing the store, until it is settled or
 *       released, or (stores shared by several processes) its claim's lease expires.</li>
 *   <li>Then exactly one of:
 *     <ul>
 *       <li>{@link #delivered}: TikTok accepted it; the event is removed.</li>
 *       <li>{@link #refused}: TikTok refused it for good (an invalid event); it is kept apart, with TikTok's code,
 *           message and request id, never claimed again, until a user takes it ({@link #refusals}, then
 *           {@link #forget}).</li>
 *       <li>{@link #release}: not finished (the processor closed, TikTok was unreachable until the retries ran
 *           out, the token was refused): it goes back to the stored events and is claimed again later, by this
 *           instance or by the next process to open the store.</li>
 *     </ul></li>
 * </ol>
 * A process that dies holding claims leaves them unsettled: <b>after a restart (a new instance on the same store)
 * every event stored and neither delivered nor refused can be claimed again</b>, whatever an earlier instance had
 * claimed. An event may therefore be sent twice (stored, sent, accepted, and the process died before
 * {@link #delivered} removed it); TikTok deduplicates on {@code event_id}, which every built event carries.
 *
 * <h2>Several processes on one store</h2>
 * Claims belong to the instance that made them. A store that several processes may share (a database table)
 * records the claimant and a lease: a claim neither settled nor released within the lease is free again, which is
 * how the events of a dead process are taken over; implementations should document the lease and keep it longer
 * than the processor's {@code retryPolicy().maxElapsed()} plus {@code requestTimeout()}, since a lease that expires
 * while a request is still pending only causes a duplicate send. A store for one process only (a local directory)
 * takes an exclusive lock when it opens instead, and a second process trying to open it is refused.
 *
 * <h2>For implementers</h2>
 * <ul>
 *   <li>Every method may be called from several threads at once. {@link #store} is called on the threads that call
 *       {@code enqueue} (it sits on the caller's request path: make it fast); the other processor calls come from
 *       the processor's own threads, never from a {@code DeliveryListener}.</li>
 *   <li>Settling ({@link #delivered}, {@link #refused}, {@link #release}) need not be durable when it returns: a
 *       settlement lost in a crash only means the event is sent again (delivered) or refused again (refused).</li>
 *   <li>{@link #claim}, settling and {@link #forget} are given only events this instance handed out; an event
 *       already settled (for instance removed by an expired lease's new owner) is skipped without error.</li>
 *   <li>Failures of the store (an I/O error, a lost database connection) are thrown as a {@link TikTokException}
 *       whose message names the store but never the events' content. {@code store} failing refuses that one event
 *       (the caller's {@code enqueue} returns false and the listener hears it); a failing {@code claim} or
 *       settlement is logged and tried again after a pause.</li>
 *   <li>{@link #close} releases the store's resources (file lock, connections); it does not remove anything.</li>
 * </ul>
 */
public interface Outbox extends AutoCloseable {

    /**
     * Stores an event durably; the processor's {@code enqueue} calls it on the caller's thread.
     *
     * @param event the event to store, as {@link OutboxEvent#of(io.github.tiktokevents.event.Event,
     *              io.github.tiktokevents.ApiEdition) OutboxEvent.of} made it ({@link OutboxEvent#key()} is
     *              {@link OutboxEvent#UNSTORED}; the store assigns its own key)
     * @return true once the event is stored (it then survives a crash); false, storing nothing, when the store is at
     *         its size bound (the processor then applies its {@code QueueFullPolicy}: it calls again when room may
     *         have been made, or refuses the event)
     * @throws TikTokException if the store failed; nothing was stored
     */
    boolean store(OutboxEvent event);

    /**
     * Claims the next stored events of one source for sending, oldest first: events neither claimed (by a live
     * claim), delivered nor refused.
     *
     * @param source the source whose events to claim; a request carries events of one source only
     * @param max the most events to return, at least 1
     * @return up to {@code max} events, each with the key this store gave it; empty when none is free
     * @throws TikTokException if the store failed
     */
    List<OutboxEvent> claim(EventSource source, int max);

    /**
     * TikTok accepted these claimed events: remove them.
     *
     * @param events events this instance claimed
     * @throws TikTokException if the store failed (the events stay claimed, and are sent again after a restart)
     */
    void delivered(List<OutboxEvent> events);

    /**
     * TikTok refused these claimed events for good: keep each apart with its refusal until a user
     * {@link #forget forgets} it; never claim it again.
     *
     * @param refusals the refusals of events this instance claimed, each naming its event
     * @throws TikTokException if the store failed
     */
    void refused(List<RefusedEvent> refusals);

    /**
     * These claimed events are not finished: make them claimable again, as they were stored (same key, same bytes,
     * same place in the order).
     *
     * @param events events this instance claimed
     * @throws TikTokException if the store failed (a restart frees them anyway)
     */
    void release(List<OutboxEvent> events);

    /**
     * How many events are stored and unfinished (neither delivered nor refused), claimed ones included, for the
     * processor's counters. May be an estimate in a store other processes write to.
     *
     * @return the count
     */
    long size();

    /**
     * The events TikTok refused for good, oldest first, with TikTok's answer. They stay until {@link #forget}.
     *
     * @param max the most to return, at least 1
     * @return up to {@code max} refusals; empty when there is none
     * @throws TikTokException if the store failed
     */
    List<RefusedEvent> refusals(int max);

    /**
     * Removes refusals a user has taken care of.
     *
     * @param refusals refusals returned by {@link #refusals(int)}
     * @throws TikTokException if the store failed
     */
    void forget(List<RefusedEvent> refusals);

    /**
     * Releases the store's resources (its lock, its connections). Stored events stay for the next instance. The
     * processor that owns the outbox closes it when it closes. Idempotent.
     */
    @Override
    void close();
}
