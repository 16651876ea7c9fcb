package io.github.tiktokevents.cli;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Reads an event time cell into an event builder: Unix seconds (up to 10 digits), Unix milliseconds (13 digits),
 * an ISO-8601 date-time (with an offset, or without one if {@code --zone} is set; a space may stand for the
 * {@code T}), or a date alone (midnight in {@code --zone}). The SDK does the coercion and the plausibility checks.
 */
final class EventTimes {
    private final EventDefaults defaults;

    EventTimes(EventDefaults defaults) {
        this.defaults = defaults;
    }

    /**
     * Sets the builder's time from a cell.
     *
     * @throws RowRejectedException if the cell is in none of the accepted forms
     * @throws io.github.tiktokevents.exception.TikTokValidationException if the SDK finds the time implausible
     */
    void apply(String cell, Event.Builder event) {
        String text = cell.strip();
        if (text.chars().allMatch(Character::isDigit)) {
            if (text.length() <= 10) {
                event.epochSeconds(Long.parseLong(text));
            } else if (text.length() == 13) {
                event.epochMillis(Long.parseLong(text));
            } else {
                throw new RowRejectedException("event_time", "is neither Unix seconds nor Unix milliseconds");
            }
            return;
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            ZoneId zone = defaults.defaultZone().orElseThrow(() -> new RowRejectedException("event_time",
                    "is a date without a time; set --zone to read it as midnight there"));
            try {
                event.timestamp(LocalDate.parse(text).atStartOfDay(zone));
            } catch (DateTimeParseException e) {
                throw new RowRejectedException("event_time", "is not a valid date");
            }
            return;
        }
        if (text.length() > 10 && text.charAt(10) == ' ') {
            text = text.substring(0, 10) + 'T' + text.substring(11);
        }
        event.timestamp(text);
    }
}
