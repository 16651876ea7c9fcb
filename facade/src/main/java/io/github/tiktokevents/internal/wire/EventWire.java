package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.event.Event;
import java.util.Objects;

/**
 * The SDK's way to an {@link Event}'s request bytes without a public method on {@code Event}. The bytes are made by
 * the writers generated into the event package (which read the model's package-private fields), once per edition
 * when first needed, and kept on the event; request bodies and the processor's byte-bounded queue need them here. A public {@code Event.wireJson()} would let users
 * reach (and mutate) a shared array and would commit the API to a serialisation detail, so {@code Event} instead
 * hands an {@link Access} to this class from its static initialiser: the JDK's {@code SharedSecrets} and OkHttp's
 * {@code Internal} solve the same problem the same way.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class EventWire {
    /** Written once, by {@code Event}'s static initialiser; read by any thread that holds an event afterwards. */
    private static volatile Access access;

    private EventWire() {
    }

    /**
     * What {@code Event} lends this class: its serialised JSON.
     *
     * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
     */
    public interface Access {
        /**
         * The event's Events API 2.0 JSON ({@code data[]} element); callers must not modify it.
         *
         * @param event a built event
         * @return its JSON bytes, not a copy
         */
        byte[] json(Event event);

        /**
         * The event's Events API 1.0 properties, without the enclosing braces; callers must not modify them.
         *
         * @param event a built event
         * @return its JSON bytes, not a copy
         */
        byte[] pixelFields(Event event);
    }

    /**
     * Installs {@code Event}'s access; only {@code Event}'s static initialiser calls it.
     *
     * @param access the access
     * @throws IllegalStateException if a different access is already installed
     */
    public static synchronized void install(Access access) {
        Objects.requireNonNull(access, "access");
        if (EventWire.access != null && EventWire.access != access) {
            throw new IllegalStateException("EventWire access is already installed");
        }
        EventWire.access = access;
    }

    /**
     * The event's Events API 2.0 JSON ({@code data[]} element); callers must not modify it.
     *
     * @param event a built event
     * @return its JSON bytes, not a copy
     */
    public static byte[] json(Event event) {
        return access().json(event);
    }

    /**
     * The event's Events API 1.0 properties, without the enclosing braces ({@link PixelBody} adds them).
     *
     * @param event a built event
     * @return its JSON bytes, not a copy
     */
    public static byte[] pixelFields(Event event) {
        return access().pixelFields(event);
    }

    /**
     * The exact size of the event's JSON in UTF-8 bytes; request bodies sum these for their content length.
     *
     * @param event a built event
     * @return the size in bytes
     */
    public static int size(Event event) {
        return json(event).length;
    }

    /**
     * The size the event adds to a request body of the given edition: its JSON and what surrounds it. The processor's
     * byte-bounded queue counts this; it makes the edition's bytes if the event has none yet, and no others.
     *
     * @param event a built event
     * @param edition the edition the event will be sent with
     * @return the size in bytes
     */
    public static int estimatedSizeBytes(Event event, ApiEdition edition) {
        return edition == ApiEdition.EVENTS_V2 ? json(event).length + 1 : pixelFields(event).length + 18;
    }

    private static Access access() {
        Access installed = access;
        if (installed == null) {
            // Holding an Event means its class was initialised, which installs the access; only a caller passing a
            // null event (or code running inside Event's own initialiser) gets here.
            throw new IllegalStateException("EventWire used before io.github.tiktokevents.event.Event was initialised");
        }
        return installed;
    }
}
