package io.github.tiktokevents.kafka.internal;

import io.github.tiktokevents.event.App;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns one sink record (a schemaless JSON map or a Connect Struct) into a TikTok event by the configured
 * {@link MappingRules}. Every value goes through the SDK's builders, so personal data is normalised and hashed and
 * the event is checked as {@code TikTokEvents.send} would check it. Stateless and thread-safe.
 *
 * <p>The event id is the configured field's value or, without one, {@code topic-partition-offset}: the same record
 * always becomes the same event id, so a record sent again after a restart is deduplicated by TikTok.
 */
public final class RecordMapper {
    /** Below this an integral time is taken as seconds, above as milliseconds (year 5138 in seconds). */
    private static final long LARGEST_SECONDS = 100_000_000_000L;

    private final MappingRules rules;

    /**
     * @param rules where each part of the event is found
     */
    public RecordMapper(MappingRules rules) {
        this.rules = rules;
    }

    /**
     * The deterministic event id a record gets when it has no configured id field.
     *
     * @param record the record
     * @return {@code topic-partition-offset}
     */
    public static String positionalEventId(SinkRecord record) {
        return record.topic() + "-" + record.kafkaPartition() + "-" + record.kafkaOffset();
    }

    /**
     * Maps a record.
     *
     * @param record the record
     * @return its event
     * @throws UnmappableRecordException naming the field at fault (never its value)
     */
    public Event map(SinkRecord record) {
        Object value = record.value();
        if (value == null) {
            throw new UnmappableRecordException("the record has no value (a tombstone)");
        }
        if (!(value instanceof Map) && !(value instanceof Struct)) {
            throw new UnmappableRecordException("the record value is " + Values.kind(value)
                    + ", not a map or Struct: use a converter that reads JSON or a schema (such as JsonConverter)");
        }
        try {
            return build(record, value);
        } catch (TikTokValidationException e) {
            throw new UnmappableRecordException("the event is invalid: " + e.getMessage(), e);
        } catch (UnmappableRecordException e) {
            throw e;
        } catch (RuntimeException e) {
            // one odd record must not stop the task; the message of an unexpected error may quote a value, so only
            // its type is kept
            throw new UnmappableRecordException("the record could not be mapped (" + e.getClass().getName() + ")");
        }
    }

    private Event build(SinkRecord record, Object value) {
        Event.Builder event = Event.builder(eventName(value)).source(rules.source());
        event.eventId(eventId(record, value));
        setTime(event, record, value);
        if (!rules.user().isEmpty()) {
            User.Builder user = User.builder();
            if (fill(user, value, rules.user(), UserFields.SETTERS, "user", false)) {
                event.user(user.build());
            }
        }
        properties(value).ifPresent(event::properties);
        page(value).ifPresent(event::page);
        app(value).ifPresent(event::app);
        lead(value).ifPresent(event::lead);
        return event.build();
    }

    private String eventName(Object value) {
        Optional<Object> name = rules.eventName().read(value);
        if (name.isPresent()) {
            return Values.text(name.get(), "event");
        }
        return rules.fixedEventName().orElseThrow(() -> new UnmappableRecordException(
                "the event name field '" + rules.eventName() + "' is missing"));
    }

    private String eventId(SinkRecord record, Object value) {
        if (rules.eventId().isPresent()) {
            Optional<Object> id = rules.eventId().get().read(value);
            if (id.isPresent() && !Values.text(id.get(), "event_id").isBlank()) {
                return Values.text(id.get(), "event_id");
            }
        }
        return positionalEventId(record);
    }

    private void setTime(Event.Builder event, SinkRecord record, Object value) {
        Optional<Object> time = rules.time().flatMap(path -> path.read(value));
        if (time.isEmpty()) {
            if (record.timestamp() != null) {
                event.epochMillis(record.timestamp());
            }
            return;
        }
        Object raw = time.get();
        if (raw instanceof Date date) {
            event.timestamp(date);
        } else if (raw instanceof Number number) {
            epoch(event, number.longValue());
        } else if (raw instanceof CharSequence text && text.toString().trim().matches("\\d{1,15}")) {
            epoch(event, Long.parseLong(text.toString().trim()));
        } else {
            event.timestamp(Values.text(raw, "event_time"));
        }
    }

    private static void epoch(Event.Builder event, long number) {
        if (number < LARGEST_SECONDS) {
            event.epochSeconds(number);
        } else {
            event.epochMillis(number);
        }
    }

    private Optional<Properties> properties(Object value) {
        Properties.Builder properties = Properties.builder();
        boolean any = fill(properties, value, rules.properties(), PropertiesFields.PROPERTIES, "properties", true);
        Optional<Object> items = rules.contents().flatMap(path -> path.read(value));
        if (items.isPresent()) {
            int index = 0;
            for (Object item : Values.many(items.get())) {
                properties.addContent(content(item, "properties.contents[" + index++ + "]"));
                any = true;
            }
        }
        return any ? Optional.of(properties.build()) : Optional.empty();
    }

    private Content content(Object item, String field) {
        if (!(item instanceof Map) && !(item instanceof Struct)) {
            throw new UnmappableRecordException(field + " must be a map or Struct, not " + Values.kind(item));
        }
        Content.Builder content = Content.builder();
        if (rules.content().isEmpty()) {
            fillByOwnNames(content, item, field);
        } else {
            fill(content, item, rules.content(), PropertiesFields.CONTENT, field, true);
        }
        return content.build();
    }

    private static void fillByOwnNames(Content.Builder content, Object item, String field) {
        Map<?, ?> fields = item instanceof Struct struct ? (Map<?, ?>) Values.json(struct, field) : (Map<?, ?>) item;
        fields.forEach((name, value) -> {
            if (value != null) {
                put(content, String.valueOf(name), value, PropertiesFields.CONTENT, field, true);
            }
        });
    }

    private Optional<Page> page(Object value) {
        Optional<Object> url = read(value, rules.page(), "url");
        Optional<Object> referrer = read(value, rules.page(), "referrer");
        if (url.isEmpty() && referrer.isEmpty()) {
            return Optional.empty();
        }
        Page.Builder page = Page.builder();
        url.ifPresent(v -> page.url(Values.text(v, "page.url")));
        referrer.ifPresent(v -> page.referrer(Values.text(v, "page.referrer")));
        rules.page().paths().forEach((name, path) -> {
            if (!name.equals("url") && !name.equals("referrer")) {
                path.read(value).ifPresent(v -> page.putAdditionalField(name, Values.json(v, "page." + name)));
            }
        });
        return Optional.of(page.build());
    }

    private Optional<App> app(Object value) {
        Optional<Object> id = read(value, rules.app(), "app_id");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String name = read(value, rules.app(), "app_name").map(v -> Values.text(v, "app.app_name")).orElse(null);
        String version = read(value, rules.app(), "app_version").map(v -> Values.text(v, "app.app_version"))
                .orElse(null);
        return Optional.of(App.of(Values.text(id.get(), "app.app_id"), name, version));
    }

    private Optional<Lead> lead(Object value) {
        Optional<Object> id = read(value, rules.lead(), "lead_id");
        if (id.isEmpty()) {
            return Optional.empty();
        }
        String source = read(value, rules.lead(), "lead_event_source")
                .map(v -> Values.text(v, "lead.lead_event_source")).orElse(null);
        return Optional.of(Lead.of(Values.text(id.get(), "lead.lead_id"), source));
    }

    private static Optional<Object> read(Object value, FieldMapping mapping, String name) {
        FieldPath path = mapping.paths().get(name);
        return path == null ? Optional.empty() : path.read(value);
    }

    /** Fills a builder from mapped paths; returns whether any value was found. */
    private static <B> boolean fill(B builder, Object value, FieldMapping mapping, Map<String, Setter<B>> setters,
            String object, boolean additionalAllowed) {
        boolean any = false;
        for (Map.Entry<String, FieldPath> entry : mapping.paths().entrySet()) {
            Optional<Object> found = entry.getValue().read(value);
            if (found.isPresent()) {
                put(builder, entry.getKey(), found.get(), setters, object, additionalAllowed);
                any = true;
            }
        }
        return any;
    }

    private static <B> void put(B builder, String name, Object value, Map<String, Setter<B>> setters, String object,
            boolean additionalAllowed) {
        String field = object + "." + name;
        Setter<B> setter = setters.get(name);
        if (setter != null) {
            setter.set(builder, value, field);
        } else if (additionalAllowed) {
            putAdditional(builder, name, Values.json(value, field));
        } else {
            throw new UnmappableRecordException(field + " is not a field this connector maps");
        }
    }

    private static void putAdditional(Object builder, String name, Object json) {
        if (builder instanceof Properties.Builder properties) {
            properties.putAdditionalField(name, json);
        } else if (builder instanceof Content.Builder content) {
            content.putAdditionalField(name, json);
        }
    }
}
