package io.github.tiktokevents.cli;

import io.github.tiktokevents.event.App;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Map;

/**
 * Turns a row into an event through the SDK's builders, which normalise and hash personal data (values that already
 * are SHA-256 hex pass through) and validate every value. Not thread-safe.
 */
final class EventFactory {
    private final EventSource source;
    private final String defaultEventName;
    private final EventDefaults defaults;
    private final FieldMapping mapping;
    private final EventTimes times;
    private final EventIds ids;
    private final TimeWindow window;

    EventFactory(EventSource source, String defaultEventName, EventDefaults defaults, FieldMapping mapping,
                 TimeWindow window) {
        this.source = source;
        this.defaultEventName = defaultEventName;
        this.defaults = defaults;
        this.mapping = mapping;
        this.times = new EventTimes(defaults);
        this.ids = new EventIds(source);
        this.window = window;
    }

    /**
     * The event of a row.
     *
     * @throws RowRejectedException naming the field and the rule it breaks (never the value)
     */
    Event toEvent(Row row) {
        if (row.problem() != null) {
            throw new RowRejectedException("row", row.problem());
        }
        Cells cells = new Cells(row.fields(), mapping.resolve(row.fields().keySet()));
        try {
            return build(cells, row.fields());
        } catch (TikTokValidationException e) {
            throw new RowRejectedException(e.field(), problemOf(e));
        } catch (IllegalArgumentException e) {
            // an open value the SDK refuses; its message might quote the value, so it is not passed on
            throw new RowRejectedException("row", "a value is not valid for its field");
        }
    }

    private Event build(Cells cells, Map<String, String> fields) {
        String name = cells.get(MappedField.EVENT, defaultEventName);
        if (name == null) {
            throw new RowRejectedException("event", "is missing (no event column value and no --event)");
        }
        Event.Builder event = Event.builder(name, defaults).source(source);
        String time = cells.get(MappedField.EVENT_TIME);
        if (time != null) {
            times.apply(time, event);
        } else if (!window.undatedAreNow()) {
            throw new RowRejectedException("event_time", "is missing (--time-if-missing now sends it as happening now)");
        }
        event.eventId(cells.get(MappedField.EVENT_ID, null) != null ? cells.get(MappedField.EVENT_ID) : ids.of(fields));
        User user = user(cells);
        if (user != null) {
            event.user(user);
        }
        Properties properties = properties(cells);
        if (properties != null) {
            event.properties(properties);
        }
        if (cells.has(MappedField.LEAD_ID)) {
            String leadSource = cells.get(MappedField.LEAD_EVENT_SOURCE);
            event.lead(leadSource == null ? Lead.of(cells.get(MappedField.LEAD_ID))
                    : Lead.of(cells.get(MappedField.LEAD_ID), leadSource));
        }
        if (cells.has(MappedField.PAGE_URL)) {
            String referrer = cells.get(MappedField.REFERRER);
            event.page(referrer == null ? Page.of(cells.get(MappedField.PAGE_URL))
                    : Page.of(cells.get(MappedField.PAGE_URL), referrer));
        }
        if (cells.has(MappedField.APP_ID)) {
            event.app(App.of(cells.get(MappedField.APP_ID)));
        }
        Event built = event.build();
        window.check(built.time());
        return built;
    }

    private User user(Cells cells) {
        if (!cells.hasAny(MappedField.EMAIL, MappedField.PHONE, MappedField.EXTERNAL_ID, MappedField.FIRST_NAME,
                MappedField.LAST_NAME, MappedField.ZIP_CODE, MappedField.CITY, MappedField.STATE, MappedField.COUNTRY,
                MappedField.IP, MappedField.USER_AGENT, MappedField.TTCLID)) {
            return null;
        }
        User.Builder user = User.builder(defaults);
        cells.ifPresent(MappedField.EMAIL, user::email);
        cells.ifPresent(MappedField.PHONE, user::phone);
        cells.ifPresent(MappedField.EXTERNAL_ID, user::externalId);
        cells.ifPresent(MappedField.FIRST_NAME, user::firstName);
        cells.ifPresent(MappedField.LAST_NAME, user::lastName);
        cells.ifPresent(MappedField.ZIP_CODE, user::zipCode);
        cells.ifPresent(MappedField.CITY, user::city);
        cells.ifPresent(MappedField.STATE, user::state);
        cells.ifPresent(MappedField.COUNTRY, user::country);
        cells.ifPresent(MappedField.IP, user::ip);
        cells.ifPresent(MappedField.USER_AGENT, user::userAgent);
        cells.ifPresent(MappedField.TTCLID, user::ttclid);
        return user.build();
    }

    private Properties properties(Cells cells) {
        if (!cells.hasAny(MappedField.VALUE, MappedField.CURRENCY, MappedField.ORDER_ID, MappedField.SHOP_ID,
                MappedField.DESCRIPTION, MappedField.NUM_ITEMS, MappedField.CONTENT_TYPE, MappedField.CONTENT_ID,
                MappedField.CONTENT_NAME, MappedField.CONTENT_CATEGORY, MappedField.BRAND, MappedField.PRICE,
                MappedField.QUANTITY)) {
            return null;
        }
        Properties.Builder properties = Properties.builder();
        cells.ifPresent(MappedField.VALUE, v -> properties.value(number(v, "properties.value")));
        cells.ifPresent(MappedField.CURRENCY, properties::currency);
        cells.ifPresent(MappedField.ORDER_ID, properties::orderId);
        cells.ifPresent(MappedField.SHOP_ID, properties::shopId);
        cells.ifPresent(MappedField.DESCRIPTION, properties::description);
        cells.ifPresent(MappedField.NUM_ITEMS, v -> properties.numItems(integer(v, "properties.num_items")));
        cells.ifPresent(MappedField.CONTENT_TYPE, v -> properties.contentType(ContentType.of(v)));
        if (cells.hasAny(MappedField.CONTENT_ID, MappedField.CONTENT_NAME, MappedField.CONTENT_CATEGORY,
                MappedField.BRAND, MappedField.PRICE, MappedField.QUANTITY)) {
            Content.Builder content = Content.builder();
            cells.ifPresent(MappedField.CONTENT_ID, content::contentId);
            cells.ifPresent(MappedField.CONTENT_NAME, content::contentName);
            cells.ifPresent(MappedField.CONTENT_CATEGORY, content::contentCategory);
            cells.ifPresent(MappedField.BRAND, content::brand);
            cells.ifPresent(MappedField.PRICE, v -> content.price(number(v, "properties.contents[0].price")));
            cells.ifPresent(MappedField.QUANTITY, v -> content.quantity(integer(v, "properties.contents[0].quantity")));
            cells.ifPresent(MappedField.CONTENT_TYPE, v -> content.contentType(ContentType.of(v)));
            properties.addContent(content.build());
        }
        return properties.build();
    }

    private static double number(String text, String field) {
        try {
            double value = Double.parseDouble(text.strip());
            if (!Double.isFinite(value)) {
                throw new RowRejectedException(field, "is not a finite number");
            }
            return value;
        } catch (NumberFormatException e) {
            throw new RowRejectedException(field, "is not a number");
        }
    }

    private static int integer(String text, String field) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new RowRejectedException(field, "is not a whole number");
        }
    }

    /** The SDK's message starts with the field; the rejects file has its own field column. */
    private static String problemOf(TikTokValidationException e) {
        String prefix = e.field() + ": ";
        String message = e.getMessage();
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    /** A row's non-blank cells by field. */
    private record Cells(Map<String, String> fields, Map<MappedField, String> columns) {
        String get(MappedField field) {
            return get(field, null);
        }

        String get(MappedField field, String fallback) {
            String column = columns.get(field);
            String value = column == null ? null : fields.get(column);
            return value == null || value.isBlank() ? fallback : value;
        }

        boolean has(MappedField field) {
            return get(field) != null;
        }

        boolean hasAny(MappedField... candidates) {
            for (MappedField field : candidates) {
                if (has(field)) {
                    return true;
                }
            }
            return false;
        }

        void ifPresent(MappedField field, java.util.function.Consumer<String> setter) {
            String value = get(field);
            if (value != null) {
                setter.accept(value);
            }
        }
    }
}
