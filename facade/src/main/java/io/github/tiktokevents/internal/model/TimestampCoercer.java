package io.github.tiktokevents.internal.model;

import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

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
    private static final int DATE_LENGTH = "2023-06-09".length();
    /** A number above this is epoch milliseconds (10^11 seconds is the year 5138), as pydantic v1 read it. */
    private static final BigDecimal MILLIS_WATERSHED = BigDecimal.valueOf(100_000_000_000L);
    private static final int MAX_EPOCH_DIGITS = 16;
    private static final int MAX_EPOCH_LENGTH = 32;
    /** ISO-8601 date and time with the offsets RFC 3339 and common libraries write, or a zone in brackets. */
    private static final DateTimeFormatter DATE_TIME = new DateTimeFormatterBuilder()
            .parseCaseInsensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral('T')
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':').appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .optionalStart().appendOffset("+HH:MM:ss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HHMMss", "Z").optionalEnd()
            .optionalStart().appendOffset("+HH", "Z").optionalEnd()
            .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
            .toFormatter(Locale.ROOT)
            .withChronology(IsoChronology.INSTANCE)
            .withResolverStyle(ResolverStyle.STRICT);

    private TimestampCoercer() {
    }

    /**
     * Reads a date-time as people and other libraries write it: {@code 2023-06-09T13:37:26-03:00} and the RFC 3339
     * variants ({@code T} or a space between date and time; seconds and a fraction of up to 9 digits optional;
     * {@code Z}, {@code +hh:mm}, {@code +hhmm}, {@code +hh} or a zone in brackets; no offset only with a default
     * zone), or a number of epoch seconds (a fraction allowed), read as milliseconds above 10^11 as the original
     * Python library did.
     *
     * @param text the timestamp
     * @param defaults the zone for a date-time without an offset, and the clock for the plausibility check
     * @return the time
     * @throws TikTokValidationException if it is blank, in no such form, ambiguous or implausible; the message
     *         does not quote the value
     */
    public static EventTime fromIso(String text, EventDefaults defaults) {
        if (text == null || text.isBlank()) {
            throw new TikTokValidationException(FIELD, "is blank");
        }
        String trimmed = text.trim();
        if (isEpochNumber(trimmed)) {
            return fromEpochText(trimmed, defaults);
        }
        TemporalAccessor parsed;
        try {
            parsed = DATE_TIME.parseBest(withT(trimmed), ZonedDateTime::from, LocalDateTime::from);
        } catch (DateTimeParseException e) {
            throw new TikTokValidationException(FIELD, "is not a date-time such as 2023-02-01T00:00:00-03:00 or"
                    + " 2023-02-01 00:00:00.123+0000 (ISO-8601 or RFC 3339), nor a number of epoch seconds");
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

    /** RFC 3339 allows a space (and lower case) where ISO-8601 has {@code T}. */
    private static String withT(String text) {
        if (text.length() > DATE_LENGTH && (text.charAt(DATE_LENGTH) == ' ' || text.charAt(DATE_LENGTH) == 't')) {
            return text.substring(0, DATE_LENGTH) + 'T' + text.substring(DATE_LENGTH + 1);
        }
        return text;
    }

    private static boolean isEpochNumber(String text) {
        int point = text.indexOf('.');
        int digits = point < 0 ? text.length() : point;
        if (digits == 0 || digits > MAX_EPOCH_DIGITS || point == text.length() - 1 || text.length() > MAX_EPOCH_LENGTH) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && i != point) {
                return false;
            }
        }
        return true;
    }

    private static EventTime fromEpochText(String text, EventDefaults defaults) {
        BigDecimal number = new BigDecimal(text);
        if (number.compareTo(MILLIS_WATERSHED) > 0) {
            number = number.movePointLeft(3);
        }
        long seconds = number.longValue();
        int nanos = number.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).intValue();
        return checked(EventTime.ofEpochSecond(seconds, nanos), defaults);
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
