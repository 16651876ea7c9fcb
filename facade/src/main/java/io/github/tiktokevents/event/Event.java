package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.model.EventTime;
import io.github.tiktokevents.internal.model.TimestampCoercer;
import io.github.tiktokevents.internal.wire.EventWire;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One customer action to report: its name, source, time, deduplication id, user, page, app, lead and properties.
 * Immutable and thread-safe; personal data inside it is already hashed ({@link User}). Validated when built, so a
 * built event is sendable as far as the event itself goes.
 *
 * <pre>{@code
 * Event event = Event.builder(EventNames.VIEW_CONTENT)
 *         .eventId("123456789")
 *         .timestamp("2023-02-01T00:00:00-03:00")
 *         .user(User.builder().email("test@test.com").ip("13.57.97.131").build())
 *         .page(Page.of("https://www.example.com"))
 *         .build();
 * }</pre>
 */
public final class Event {
    // package-private: EventJson reads the fields directly, without the Optional each accessor makes
    final String name;
    final EventSource source;
    final String eventId;
    private final EventTime time;
    final User user;
    final Page page;
    final App app;
    final Ad ad;
    final Lead lead;
    final Properties properties;
    final Boolean limitedDataUse;
    /**
     * This event's Events API 2.0 JSON ({@code data[]} element), serialised once when it is built: sending then only
     * copies bytes, whatever the number of retries, and a byte-bounded queue counts what the event really holds.
     */
    private final byte[] wireJson;

    static {
        // Request bodies and the processor's queue (other packages) need the bytes; Event keeps no public door to them.
        EventWire.install(event -> event.wireJson);
    }

    private Event(Builder b, EventTime time, String eventId) {
        this.name = b.name;
        this.source = b.source;
        this.eventId = eventId;
        this.time = time;
        this.user = b.user;
        this.page = b.page;
        this.app = b.app;
        this.ad = b.ad;
        this.lead = b.lead;
        this.properties = b.properties;
        this.limitedDataUse = b.limitedDataUse;
        this.wireJson = EventJson.eventData(this);
    }

    /**
     * Starts a web event with {@link EventDefaults#standard()}.
     *
     * @param name a standard name from {@link EventNames} or a custom one (case-sensitive)
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name, EventDefaults.standard());
    }

    /**
     * Starts a web event with the given defaults (clock, zone for offset-less timestamps).
     *
     * @param name a standard name from {@link EventNames} or a custom one (case-sensitive)
     * @param defaults the defaults
     * @return a builder
     */
    public static Builder builder(String name, EventDefaults defaults) {
        return new Builder(name, Objects.requireNonNull(defaults, "defaults"));
    }

    /** @return the event name */
    public String name() {
        return name;
    }

    /** @return where the event comes from */
    public EventSource source() {
        return source;
    }

    /** The time as numbers, for the serialiser. */
    EventTime eventTime() {
        return time;
    }

    /** @return the deduplication id: the caller's, or a random UUID generated at build time */
    public String eventId() {
        return eventId;
    }

    /** @return when the event happened */
    public Instant time() {
        return time.toInstant();
    }

    /** @return when the event happened, with the offset it was given in (UTC unless a string or zoned time said otherwise) */
    public OffsetDateTime timeWithOffset() {
        return time.toOffsetDateTime();
    }

    /** @return the user, if given */
    public Optional<User> user() {
        return Optional.ofNullable(user);
    }

    /** @return the page, if given */
    public Optional<Page> page() {
        return Optional.ofNullable(page);
    }

    /** @return the app, if given */
    public Optional<App> app() {
        return Optional.ofNullable(app);
    }

    /** @return the ad attribution, if given */
    public Optional<Ad> ad() {
        return Optional.ofNullable(ad);
    }

    /** @return the CRM lead, if given */
    public Optional<Lead> lead() {
        return Optional.ofNullable(lead);
    }

    /** @return the properties, if given */
    public Optional<Properties> properties() {
        return Optional.ofNullable(properties);
    }

    /** @return whether Limited Data Use applies, if set */
    public Optional<Boolean> limitedDataUse() {
        return Optional.ofNullable(limitedDataUse);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "Event{name=" + name + ", source=" + source + ", eventId=" + eventId + ", time=" + time
                + ", user=" + user + ", page=" + page + ", app=" + app + ", lead=" + lead + ", properties=" + properties + '}';
    }

    /** A random (version 4) UUID from a fast non-cryptographic source: unique enough for deduplication, not secret. */
    private static String randomEventId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long msb = (random.nextLong() & ~0xF000L) | 0x4000L;
        long lsb = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(msb, lsb).toString();
    }

    /**
     * Builds an {@link Event}. Timestamps are checked by their setter; the rest by {@link #build()}. Not thread-safe.
     */
    public static final class Builder {
        private final EventDefaults defaults;
        private final String name;
        private EventSource source = EventSource.WEB;
        private String eventId;
        private EventTime time;
        private User user;
        private Page page;
        private App app;
        private Ad ad;
        private Lead lead;
        private Properties properties;
        private Boolean limitedDataUse;

        private Builder(String name, EventDefaults defaults) {
            this.name = name == null ? null : name.trim();
            this.defaults = defaults;
        }

        /**
         * Sets where the event comes from; {@link EventSource#WEB} by default.
         *
         * @param value where the event comes from; {@link EventSource#WEB} by default
         * @return this builder
         */
        public Builder source(EventSource value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /**
         * Sets the deduplication id. TikTok counts events with the same {@code event_source_id}, {@code event}
         * and {@code event_id} once; pass the id your pixel uses for the same action. Without one, {@link #build()}
         * generates a random UUID, which keeps retries of this event object from being counted twice.
         *
         * @param value the id
         * @return this builder
         */
        public Builder eventId(String value) {
            this.eventId = value;
            return this;
        }

        /**
         * @param iso an ISO-8601 date-time with an offset or {@code Z}, such as {@code 2023-02-01T00:00:00-03:00};
         *            without an offset only if the defaults have a zone
         * @return this builder
         * @throws TikTokValidationException if it cannot be read, has no offset and no default zone, or is implausible
         */
        public Builder timestamp(String iso) {
            this.time = TimestampCoercer.fromIso(iso, defaults);
            return this;
        }

        /**
         * Sets when the event happened.
         *
         * @param value when the event happened
         * @return this builder
         * @throws TikTokValidationException if implausible
         */
        public Builder timestamp(Instant value) {
            this.time = TimestampCoercer.fromInstant(value, defaults);
            return this;
        }

        /**
         * Sets when the event happened.
         *
         * @param value when the event happened
         * @return this builder
         * @throws TikTokValidationException if implausible
         */
        public Builder timestamp(OffsetDateTime value) {
            this.time = TimestampCoercer.checked(value, defaults);
            return this;
        }

        /**
         * Sets when the event happened.
         *
         * @param value when the event happened
         * @return this builder
         * @throws TikTokValidationException if implausible
         */
        public Builder timestamp(ZonedDateTime value) {
            this.time = TimestampCoercer.checked(value == null ? null : value.toOffsetDateTime(), defaults);
            return this;
        }

        /**
         * Sets when the event happened.
         *
         * @param value when the event happened
         * @return this builder
         * @throws TikTokValidationException if implausible
         */
        public Builder timestamp(Date value) {
            this.time = TimestampCoercer.fromInstant(value == null ? null : value.toInstant(), defaults);
            return this;
        }

        /**
         * Sets Unix epoch seconds.
         *
         * @param seconds Unix epoch seconds
         * @return this builder
         * @throws TikTokValidationException if implausible
         */
        public Builder epochSeconds(long seconds) {
            this.time = TimestampCoercer.fromEpochSeconds(seconds, defaults);
            return this;
        }

        /**
         * Sets Unix epoch milliseconds.
         *
         * @param millis Unix epoch milliseconds
         * @return this builder
         * @throws TikTokValidationException if implausible
         */
        public Builder epochMillis(long millis) {
            this.time = TimestampCoercer.fromEpochMillis(millis, defaults);
            return this;
        }

        /**
         * Sets who did it.
         *
         * @param value who did it
         * @return this builder
         */
        public Builder user(User value) {
            this.user = value;
            return this;
        }

        /**
         * Sets the web page; required for {@link EventSource#WEB}.
         *
         * @param value the web page; required for {@link EventSource#WEB}
         * @return this builder
         */
        public Builder page(Page value) {
            this.page = value;
            return this;
        }

        /**
         * Sets the app; required for {@link EventSource#APP}.
         *
         * @param value the app; required for {@link EventSource#APP}
         * @return this builder
         */
        public Builder app(App value) {
            this.app = value;
            return this;
        }

        /**
         * Sets ad attribution (app events).
         *
         * @param value ad attribution (app events)
         * @return this builder
         */
        public Builder ad(Ad value) {
            this.ad = value;
            return this;
        }

        /**
         * Sets the CRM lead; required for {@link EventSource#CRM}.
         *
         * @param value the CRM lead; required for {@link EventSource#CRM}
         * @return this builder
         */
        public Builder lead(Lead value) {
            this.lead = value;
            return this;
        }

        /**
         * Sets what the event was about.
         *
         * @param value what the event was about
         * @return this builder
         */
        public Builder properties(Properties value) {
            this.properties = value;
            return this;
        }

        /**
         * Sets whether Limited Data Use applies (web and app).
         *
         * @param value whether Limited Data Use applies (web and app)
         * @return this builder
         */
        public Builder limitedDataUse(boolean value) {
            this.limitedDataUse = value;
            return this;
        }

        /**
         * Validates and builds the event: stamps it with the defaults' clock when no timestamp was set, and gives it
         * a random UUID {@code event_id} when none was set.
         *
         * @return the event
         * @throws TikTokValidationException if the name is blank or the source's required part is missing
         *         (a page for web, an app for app, a lead for CRM)
         */
        public Event build() {
            if (name == null || name.isEmpty()) {
                throw new TikTokValidationException("event", "is blank");
            }
            if (source == EventSource.WEB && page == null) {
                throw new TikTokValidationException("page", "is required for web events (Page.of(url))");
            }
            if (source == EventSource.APP && app == null) {
                throw new TikTokValidationException("app", "is required for app events (App.of(appId))");
            }
            if (source == EventSource.CRM && lead == null) {
                throw new TikTokValidationException("lead", "is required for CRM events (Lead.of(leadId))");
            }
            String id = eventId == null || eventId.isBlank() ? randomEventId() : eventId.trim();
            EventTime when = time != null ? time : TimestampCoercer.now(defaults);
            return new Event(this, when, id);
        }
    }
}
