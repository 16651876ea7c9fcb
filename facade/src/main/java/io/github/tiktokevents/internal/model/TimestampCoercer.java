package io.github.tiktokevents.internal.model;

import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;

/**
 * Turns the timestamp forms users have at hand into one {@link EventTime}, and refuses values that are
 * ambiguous (no offset and no default zone) or implausible (before 2000, or more than a day ahead of the clock,
 * which is what seconds passed as milliseconds and the reverse look like).
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class TimestampCoercer {
    private static final long EARLIEST_EPOCH_SECOND = Instant.parse("2000-01-01T00:00:00Z").getEpochSecond();
    private static final long ONE_DAY_SECONDS = 24 * 60 * 60;
    private static final String FIELD = "timestamp";

    private TimestampCoercer() {
    }

    public static EventTime fromIso(String text, EventDefaults defaults) {
        if (text == null || text.isBlank()) {
            throw new TikTokValidationException(FIELD, "is blank");
        }
        TemporalAccessor parsed;
        try {
            parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(text.trim(), ZonedDateTime::from, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            throw new TikTokValidationException(FIELD, "is not an ISO-8601 date-time such as 2023-02-01T00:00:00-03:00");
        }
        if (parsed instanceof ZonedDateTime) {
            return checked(((ZonedDateTime) parsed).toOffsetDateTime(), defaults);
        }
        ZoneId zone = defaults.defaultZone().orElse(null);
        if (zone == null) {
            throw new TikTokValidationException(FIELD, "has no offset: add one (such as Z or -03:00) or configure a default zone"
                    + " (EventDefaults.withDefaultZone)");
        }
        return checked(((LocalDateTime) parsed).atZone(zone).toOffsetDateTime(), defaults);
    }

    public static EventTime fromInstant(Instant instant, EventDefaults defaults) {
        if (instant == null) {
            throw new TikTokValidationException(FIELD, "is null");
        }
        return checked(EventTime.of(instant), defaults);
    }

    public static EventTime fromEpochSeconds(long seconds, EventDefaults defaults) {
        return checked(EventTime.ofEpochSecond(seconds, 0), defaults);
    }

    public static EventTime fromEpochMillis(long millis, EventDefaults defaults) {
        return checked(EventTime.ofEpochSecond(Math.floorDiv(millis, 1000), (int) Math.floorMod(millis, 1000) * 1_000_000),
                defaults);
    }

    public static EventTime now(EventDefaults defaults) {
        return EventTime.of(defaults.clock().instant());
    }

    public static EventTime checked(OffsetDateTime time, EventDefaults defaults) {
        if (time == null) {
            throw new TikTokValidationException(FIELD, "is null");
        }
        return checked(EventTime.of(time), defaults);
    }

    private static EventTime checked(EventTime time, EventDefaults defaults) {
        long epochSecond = time.epochSecond;
        if (epochSecond < EARLIEST_EPOCH_SECOND) {
            throw new TikTokValidationException(FIELD, "is before 2000 (were seconds passed as milliseconds?)");
        }
        if (epochSecond > Math.floorDiv(defaults.clock().millis(), 1000) + ONE_DAY_SECONDS) {
            throw new TikTokValidationException(FIELD, "is more than a day in the future (were milliseconds passed as seconds?)");
        }
        return time;
    }
}
