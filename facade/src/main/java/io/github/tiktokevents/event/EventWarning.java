package io.github.tiktokevents.event;

import java.util.Objects;

/**
 * Something about an event that TikTok accepts but that is probably a mistake: an event name close to a standard
 * one ({@code Purchse}: did you mean {@code Purchase}?), a currency TikTok does not list, an old event of a source
 * whose age window TikTok does not state. The event is built and sent all the same; the warning goes to the
 * listener of the {@link EventDefaults} it was built with ({@link EventDefaults#withWarningListener}), which by
 * default logs one line at WARNING (System.Logger {@code io.github.tiktokevents.event}).
 *
 * <pre>{@code
 * EventDefaults defaults = EventDefaults.standard().withWarningListener(w -> metrics.count("tiktok.warning", w.field()));
 * Event event = Event.builder("Purchse", defaults).page(Page.of(url)).build();   // warns about event
 * }</pre>
 */
public final class EventWarning {
    private final String eventName;
    private final String field;
    private final String message;

    EventWarning(String eventName, String field, String message) {
        this.eventName = Objects.requireNonNull(eventName, "eventName");
        this.field = Objects.requireNonNull(field, "field");
        this.message = Objects.requireNonNull(message, "message");
    }

    /**
     * The name of the event the warning is about.
     *
     * @return the event name
     */
    public String eventName() {
        return eventName;
    }

    /**
     * The field the warning is about, as a JSON path within the event (such as {@code event} or
     * {@code properties.currency}).
     *
     * @return the field
     */
    public String field() {
        return field;
    }

    /**
     * What looks wrong and what to do; never a personal value.
     *
     * @return the message
     */
    public String message() {
        return message;
    }

    /** One line: the event, the field and the message. */
    @Override
    public String toString() {
        return "TikTok event " + eventName + ": " + field + " " + message;
    }
}
