package io.github.tiktokevents.internal.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;

/**
 * When an event happened: an instant and the offset it was given in. Kept as plain numbers because most events
 * are stamped from epoch values or the clock, and an {@link OffsetDateTime} is five objects; the {@code java.time}
 * views are made only when asked for.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class EventTime {
    public final long epochSecond;
    final int nano;
    final ZoneOffset offset;

    private EventTime(long epochSecond, int nano, ZoneOffset offset) {
        this.epochSecond = epochSecond;
        this.nano = nano;
        this.offset = offset;
    }

    static EventTime ofEpochSecond(long epochSecond, int nano) {
        return new EventTime(epochSecond, nano, ZoneOffset.UTC);
    }

    static EventTime of(Instant instant) {
        return new EventTime(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
    }

    static EventTime of(OffsetDateTime time) {
        return new EventTime(time.toEpochSecond(), time.getNano(), time.getOffset());
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(epochSecond, nano);
    }

    public OffsetDateTime toOffsetDateTime() {
        return OffsetDateTime.ofInstant(toInstant(), offset);
    }

    /**
     * The time as Events API 1.0 wants it: ISO-8601 with its offset, whole seconds ({@code 2023-02-01T00:00:00-03:00}).
     *
     * @return the ISO-8601 text
     */
    public String toIsoSeconds() {
        // written digit by digit: the formatter path costs about 600 B per event, this one the String
        int offsetSeconds = offset.getTotalSeconds();
        long local = epochSecond + offsetSeconds;
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(local, 86_400L));
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        char[] out = new char[32];
        int at = digits(out, 0, date.getYear(), 4);
        out[at++] = '-';
        at = digits(out, at, date.getMonthValue(), 2);
        out[at++] = '-';
        at = digits(out, at, date.getDayOfMonth(), 2);
        out[at++] = 'T';
        at = digits(out, at, secondOfDay / 3600, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay / 60 % 60, 2);
        out[at++] = ':';
        at = digits(out, at, secondOfDay % 60, 2);
        if (offsetSeconds == 0) {
            out[at++] = 'Z';
        } else {
            int absolute = Math.abs(offsetSeconds);
            out[at++] = offsetSeconds < 0 ? '-' : '+';
            at = digits(out, at, absolute / 3600, 2);
            out[at++] = ':';
            at = digits(out, at, absolute / 60 % 60, 2);
            if (absolute % 60 != 0) {
                out[at++] = ':';
                at = digits(out, at, absolute % 60, 2);
            }
        }
        return new String(out, 0, at);
    }

    /** Writes {@code value} in exactly {@code width} digits (the time is plausible: years have four). */
    private static int digits(char[] out, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    @Override
    public String toString() {
        return toOffsetDateTime().toString();
    }
}
