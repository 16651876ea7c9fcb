package io.github.tiktokevents.outbox;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.internal.wire.EventWire;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * An event as an {@link Outbox} stores it: its source, its {@code event_id}, the API edition its bytes are for, and
 * those bytes, the exact JSON the request carries (with Events API 2.0 the event's element of {@code data[]}; with
 * 1.0 its properties, without the enclosing braces). Personal data in them is already normalised and hashed. An
 * event read back after a restart is sent byte for byte as it was stored; the envelope around it (the
 * {@code event_source_id}, a test event code) is the client's at the time of sending.
 *
 * <p>Immutable. Implementations store the five values and give them back on {@link Outbox#claim}:
 * <pre>{@code
 * // in store(event):
 * insert(event.source().wireValue(), event.eventId(), event.edition().name(), event.bodyBytes());
 * // in claim(source, max), for each row read:
 * new OutboxEvent(row.key, EventSource.of(row.source), row.eventId, ApiEdition.valueOf(row.edition), row.body);
 * }</pre>
 */
public final class OutboxEvent {
    /** The {@link #key()} of an event not stored yet. */
    public static final long UNSTORED = -1;

    private final long key;
    private final EventSource source;
    private final String eventId;
    private final ApiEdition edition;
    private final byte[] body;

    /**
     * An event read back from a store.
     *
     * @param key the store's key for it, unique in the store (not negative)
     * @param source the event's source
     * @param eventId its {@code event_id}
     * @param edition the edition its bytes were written for
     * @param body its bytes as stored; copied
     * @throws NullPointerException if an argument is null
     * @throws IllegalArgumentException if the key is negative or the body empty
     */
    public OutboxEvent(long key, EventSource source, String eventId, ApiEdition edition, byte[] body) {
        this(key, source, eventId, edition, Objects.requireNonNull(body, "body").clone(), true);
        if (key < 0) {
            throw new IllegalArgumentException("key: must not be negative, was " + key);
        }
    }

    private OutboxEvent(long key, EventSource source, String eventId, ApiEdition edition, byte[] body, boolean owned) {
        this.key = key;
        this.source = Objects.requireNonNull(source, "source");
        this.eventId = Objects.requireNonNull(eventId, "eventId");
        this.edition = Objects.requireNonNull(edition, "edition");
        this.body = body;
        if (body.length == 0) {
            throw new IllegalArgumentException("body: must not be empty");
        }
    }

    /**
     * The stored form of a built event, not stored yet ({@link #key()} is {@link #UNSTORED}): what the processor
     * gives {@link Outbox#store}, and what an outbox that adds events itself (in the application's transaction)
     * stores.
     *
     * @param event a built event
     * @param edition the edition of the client that will send it
     * @return its stored form
     */
    public static OutboxEvent of(Event event, ApiEdition edition) {
        Objects.requireNonNull(event, "event");
        byte[] bytes = Objects.requireNonNull(edition, "edition") == ApiEdition.EVENTS_V2
                ? EventWire.json(event) : EventWire.pixelFields(event);
        // The event keeps its bytes and never changes them, and nothing here hands them out writable: no copy.
        return new OutboxEvent(UNSTORED, event.source(), event.eventId(), edition, bytes, false);
    }

    /**
     * The same event with the key a store gave it; for stores that keep the {@code OutboxEvent} they stored in
     * memory, so claiming it needs no copy of its bytes.
     *
     * @param storeKey the store's key (not negative)
     * @return the stored event
     * @throws IllegalArgumentException if the key is negative
     */
    public OutboxEvent withKey(long storeKey) {
        if (storeKey < 0) {
            throw new IllegalArgumentException("key: must not be negative, was " + storeKey);
        }
        return new OutboxEvent(storeKey, source, eventId, edition, body, false);
    }

    /** @return the store's key, or {@link #UNSTORED} */
    public long key() {
        return key;
    }

    /** @return the event's source */
    public EventSource source() {
        return source;
    }

    /** @return the event's {@code event_id} */
    public String eventId() {
        return eventId;
    }

    /** @return the API edition the bytes were written for; a client of another edition cannot send them */
    public ApiEdition edition() {
        return edition;
    }

    /** @return the bytes' length */
    public int bodyLength() {
        return body.length;
    }

    /**
     * The bytes as the request carries them, read-only and without a copy.
     *
     * @return a read-only view of the bytes, positioned at 0
     */
    public ByteBuffer body() {
        return ByteBuffer.wrap(body).asReadOnlyBuffer();
    }

    /**
     * A copy of the bytes, for a store that writes a byte array.
     *
     * @return the bytes (UTF-8 JSON)
     */
    public byte[] bodyBytes() {
        return body.clone();
    }

    /** Shows the key, source, id and size; never the event's content. */
    @Override
    public String toString() {
        return "OutboxEvent{key=" + key + ", source=" + source.wireValue() + ", eventId=" + eventId + ", edition="
                + edition + ", bytes=" + body.length + '}';
    }
}
