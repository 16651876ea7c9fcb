package io.github.tiktokevents.internal.model;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

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
     * The offset the time was given in, for writers that format it themselves.
     *
     * @return the offset in seconds east of UTC
     */
    public int offsetSeconds() {
        return offset.getTotalSeconds();
    }

    @Override
    public String toString() {
        return toOffsetDateTime().toString();
    }
}
