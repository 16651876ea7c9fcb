package io.github.tiktokevents.cli;

import java.util.List;
import java.util.Locale;

/**
 * The event fields a column can feed, each with the header names that feed it by default. Header names are compared
 * after {@link #normalise(String) normalising} (lower case letters and digits only), so {@code E-Mail Address}
 * matches {@code email_address}.
 */
enum MappedField {
    EVENT("event", "event_name", "event_type"),
    EVENT_TIME("event_time", "timestamp", "event_timestamp", "time", "order_date", "purchase_time", "created_at",
            "date"),
    EVENT_ID("event_id"),
    EMAIL("email", "email_address", "mail"),
    PHONE("phone", "phone_number", "mobile", "mobile_number", "telephone", "tel"),
    EXTERNAL_ID("external_id", "customer_id", "user_id", "crm_id", "client_id", "member_id"),
    FIRST_NAME("first_name", "firstname", "given_name"),
    LAST_NAME("last_name", "lastname", "surname", "family_name"),
    ZIP_CODE("zip_code", "zip", "zipcode", "postal_code", "postcode"),
    CITY("city"),
    STATE("state", "region", "province"),
    COUNTRY("country", "country_code"),
    IP("ip", "ip_address"),
    USER_AGENT("user_agent"),
    TTCLID("ttclid"),
    LEAD_ID("lead_id"),
    LEAD_EVENT_SOURCE("lead_event_source"),
    VALUE("value", "amount", "revenue", "total", "order_value", "order_total"),
    CURRENCY("currency", "currency_code"),
    ORDER_ID("order_id", "order_number", "transaction_id"),
    SHOP_ID("shop_id", "store_id"),
    DESCRIPTION("description"),
    NUM_ITEMS("num_items"),
    CONTENT_TYPE("content_type"),
    CONTENT_ID("content_id", "sku", "product_id"),
    CONTENT_NAME("content_name", "product_name"),
    CONTENT_CATEGORY("content_category", "category"),
    BRAND("brand"),
    PRICE("price", "unit_price"),
    QUANTITY("quantity", "qty"),
    PAGE_URL("page_url", "url"),
    REFERRER("referrer"),
    APP_ID("app_id");

    private final List<String> aliases;

    MappedField(String... aliases) {
        this.aliases = List.of(aliases);
    }

    /** The name used in {@code --map FIELD=COLUMN} and mapping files: the first alias, such as {@code event_time}. */
    String key() {
        return aliases.get(0);
    }

    /** The header names that feed this field when no mapping says otherwise. */
    List<String> aliases() {
        return aliases;
    }

    /** The header names that feed this field, {@link #normalise normalised}. */
    List<String> normalisedAliases() {
        return aliases.stream().map(MappedField::normalise).toList();
    }

    /** The field a {@code --map} key names, or null. */
    static MappedField byKey(String key) {
        String wanted = normalise(key);
        for (MappedField field : values()) {
            if (normalise(field.key()).equals(wanted)) {
                return field;
            }
        }
        return null;
    }

    /**
     * Lower case letters and digits only, so {@code E-Mail}, {@code e_mail} and {@code EMAIL} all read
     * {@code email}.
     */
    static String normalise(String header) {
        return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
