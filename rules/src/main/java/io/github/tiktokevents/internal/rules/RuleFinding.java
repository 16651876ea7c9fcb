package io.github.tiktokevents.internal.rules;

import java.util.Objects;

/**
 * One broken rule: an error (the event is refused) or a warning (it is sent, and the sender is told). The message
 * names the rule and never quotes a value, except an event name compared with the standard ones.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param warning true for a warning, false for an error
 * @param field the JSON path of the field within the event, such as {@code properties.currency}
 * @param message what is wrong and how to fix it
 */
public record RuleFinding(boolean warning, String field, String message) {
    /**
     * Checks that the field and the message are given.
     *
     * @param warning true for a warning, false for an error
     * @param field the JSON path of the field within the event
     * @param message what is wrong and how to fix it
     */
    public RuleFinding {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }

    static RuleFinding error(String field, String message) {
        return new RuleFinding(false, field, message);
    }

    static RuleFinding warning(String field, String message) {
        return new RuleFinding(true, field, message);
    }

    @Override
    public String toString() {
        return (warning ? "warning: " : "error: ") + field + " " + message;
    }
}
