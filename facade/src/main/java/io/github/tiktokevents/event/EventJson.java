package io.github.tiktokevents.event;

import io.github.tiktokevents.internal.wire.EventTrackBody;
import io.github.tiktokevents.internal.wire.JsonOut;
import java.util.List;

/**
 * Serialises events for Events API 2.0 straight into UTF-8 bytes: each {@code data[]} element once, when its event
 * is built; request bodies then copy those bytes behind an envelope head ({@link EventTrackBody}).
 *
 * <p>The field names and shapes are those of the spec's {@code EventData}; a test reads this output back through the
 * generated models and the emulator validates it against the spec, so the two cannot drift apart silently. It does
 * not go through the generated models because their Gson adapters build a JSON tree for every nested object, which
 * made preparing an event several times slower and allocate over ten times more.
 */
final class EventJson {
    private static final byte[] EVENT = JsonOut.name("event");
    private static final byte[] EVENT_TIME = JsonOut.name("event_time");
    private static final byte[] EVENT_ID = JsonOut.name("event_id");
    private static final byte[] USER = JsonOut.name("user");
    private static final byte[] EMAIL = JsonOut.name("email");
    private static final byte[] PHONE = JsonOut.name("phone");
    private static final byte[] EXTERNAL_ID = JsonOut.name("external_id");
    private static final byte[] TTCLID = JsonOut.name("ttclid");
    private static final byte[] TTP = JsonOut.name("ttp");
    private static final byte[] IP = JsonOut.name("ip");
    private static final byte[] USER_AGENT = JsonOut.name("user_agent");
    private static final byte[] LOCALE = JsonOut.name("locale");
    private static final byte[] IDFA = JsonOut.name("idfa");
    private static final byte[] IDFV = JsonOut.name("idfv");
    private static final byte[] GAID = JsonOut.name("gaid");
    private static final byte[] PROPERTIES = JsonOut.name("properties");
    private static final byte[] CONTENTS = JsonOut.name("contents");
    private static final byte[] CONTENT_TYPE = JsonOut.name("content_type");
    private static final byte[] CONTENT_IDS = JsonOut.name("content_ids");
    private static final byte[] CONTENT_ID = JsonOut.name("content_id");
    private static final byte[] CONTENT_NAME = JsonOut.name("content_name");
    private static final byte[] CONTENT_CATEGORY = JsonOut.name("content_category");
    private static final byte[] BRAND = JsonOut.name("brand");
    private static final byte[] PRICE = JsonOut.name("price");
    private static final byte[] QUANTITY = JsonOut.name("quantity");
    private static final byte[] CURRENCY = JsonOut.name("currency");
    private static final byte[] VALUE = JsonOut.name("value");
    private static final byte[] NUM_ITEMS = JsonOut.name("num_items");
    private static final byte[] SEARCH_STRING = JsonOut.name("search_string");
    private static final byte[] QUERY = JsonOut.name("query");
    private static final byte[] DESCRIPTION = JsonOut.name("description");
    private static final byte[] ORDER_ID = JsonOut.name("order_id");
    private static final byte[] SHOP_ID = JsonOut.name("shop_id");
    private static final byte[] PREDICTED_LTV = JsonOut.name("predicted_ltv");
    private static final byte[] PAGE = JsonOut.name("page");
    private static final byte[] URL = JsonOut.name("url");
    private static final byte[] REFERRER = JsonOut.name("referrer");
    private static final byte[] APP = JsonOut.name("app");
    private static final byte[] APP_ID = JsonOut.name("app_id");
    private static final byte[] APP_NAME = JsonOut.name("app_name");
    private static final byte[] APP_VERSION = JsonOut.name("app_version");
    private static final byte[] AD = JsonOut.name("ad");
    private static final byte[] CALLBACK = JsonOut.name("callback");
    private static final byte[] CAMPAIGN_ID = JsonOut.name("campaign_id");
    private static final byte[] AD_ID = JsonOut.name("ad_id");
    private static final byte[] CREATIVE_ID = JsonOut.name("creative_id");
    private static final byte[] IS_RETARGETING = JsonOut.name("is_retargeting");
    private static final byte[] ATTRIBUTED = JsonOut.name("attributed");
    private static final byte[] ATTRIBUTE_TYPE = JsonOut.name("attribute_type");
    private static final byte[] ATTRIBUTE_PROVIDER = JsonOut.name("attribute_provider");
    private static final byte[] LEAD = JsonOut.name("lead");
    private static final byte[] LEAD_ID = JsonOut.name("lead_id");
    private static final byte[] LEAD_EVENT_SOURCE = JsonOut.name("lead_event_source");
    private static final byte[] LIMITED_DATA_USE = JsonOut.name("limited_data_use");

    private EventJson() {
    }

    /** One {@code data[]} element as UTF-8: made once per event, when it is built. */
    static byte[] eventData(Event event) {
        return writeEventData(JsonOut.pooled(), event).toByteArray();
    }

    private static JsonOut writeEventData(JsonOut out, Event event) {
        out.beginObject();
        out.name(EVENT).value(event.name);
        out.name(EVENT_TIME).value(event.eventTime().epochSecond);
        out.name(EVENT_ID).value(event.eventId);
        User user = event.user;
        if (user != null) {
            user(out.name(USER), user);
        }
        Properties properties = event.properties;
        if (properties != null) {
            properties(out.name(PROPERTIES), properties);
        }
        Page page = event.page;
        if (page != null) {
            out.name(PAGE).beginObject().name(URL).value(page.url);
            optional(out, REFERRER, page.referrer);
            out.endObject();
        }
        App app = event.app;
        if (app != null) {
            out.name(APP).beginObject().name(APP_ID).value(app.appId);
            optional(out, APP_NAME, app.appName);
            optional(out, APP_VERSION, app.appVersion);
            out.endObject();
        }
        Ad ad = event.ad;
        if (ad != null) {
            ad(out.name(AD), ad);
        }
        Lead lead = event.lead;
        if (lead != null) {
            out.name(LEAD).beginObject().name(LEAD_ID).value(lead.leadId);
            optional(out, LEAD_EVENT_SOURCE, lead.leadEventSource);
            out.endObject();
        }
        Boolean limitedDataUse = event.limitedDataUse;
        if (limitedDataUse != null) {
            out.name(LIMITED_DATA_USE).value(limitedDataUse);
        }
        return out.endObject();
    }

    private static void user(JsonOut out, User user) {
        out.beginObject();
        identifiers(out, EMAIL, user.emails);
        identifiers(out, PHONE, user.phones);
        identifiers(out, EXTERNAL_ID, user.externalIds);
        optional(out, TTCLID, user.ttclid);
        optional(out, TTP, user.ttp);
        optional(out, IP, user.ip);
        optional(out, USER_AGENT, user.userAgent);
        optional(out, LOCALE, user.locale);
        optional(out, IDFA, user.idfa);
        optional(out, IDFV, user.idfv);
        optional(out, GAID, user.gaid);
        out.endObject();
    }

    /** One digest as a string, several as an array: both are what TikTok accepts. */
    private static void identifiers(JsonOut out, byte[] name, List<String> hashes) {
        if (hashes.size() == 1) {
            out.name(name).value(hashes.get(0));
        } else if (!hashes.isEmpty()) {
            out.name(name).beginArray();
            for (String hash : hashes) {
                out.value(hash);
            }
            out.endArray();
        }
    }

    private static void properties(JsonOut out, Properties properties) {
        out.beginObject();
        List<Content> contents = properties.contents;
        if (!contents.isEmpty()) {
            out.name(CONTENTS).beginArray();
            for (Content content : contents) {
                content(out, content);
            }
            out.endArray();
        }
        ContentType common = properties.commonContentTypeOrNull();
        if (common != null) {
            out.name(CONTENT_TYPE).value(common.wireValue());
        }
        List<String> contentIds = properties.contentIds;
        if (!contentIds.isEmpty()) {
            out.name(CONTENT_IDS).beginArray();
            for (String id : contentIds) {
                out.value(id);
            }
            out.endArray();
        }
        optional(out, CURRENCY, properties.currency);
        optional(out, VALUE, properties.value);
        optional(out, NUM_ITEMS, properties.numItems);
        optional(out, SEARCH_STRING, properties.searchString);
        optional(out, QUERY, properties.query);
        optional(out, DESCRIPTION, properties.description);
        optional(out, ORDER_ID, properties.orderId);
        optional(out, SHOP_ID, properties.shopId);
        optional(out, PREDICTED_LTV, properties.predictedLtv);
        out.endObject();
    }

    private static void content(JsonOut out, Content content) {
        out.beginObject();
        optional(out, CONTENT_ID, content.contentId);
        ContentType type = content.contentType;
        if (type != null) {
            out.name(CONTENT_TYPE).value(type.wireValue());
        }
        optional(out, CONTENT_NAME, content.contentName);
        optional(out, CONTENT_CATEGORY, content.contentCategory);
        optional(out, BRAND, content.brand);
        optional(out, PRICE, content.price);
        Integer quantity = content.quantity;
        if (quantity != null) {
            out.name(QUANTITY).value(quantity.longValue());
        }
        out.endObject();
    }

    private static void ad(JsonOut out, Ad ad) {
        out.beginObject();
        optional(out, CALLBACK, ad.callback);
        optional(out, CAMPAIGN_ID, ad.campaignId);
        optional(out, AD_ID, ad.adId);
        optional(out, CREATIVE_ID, ad.creativeId);
        Boolean retargeting = ad.retargeting;
        if (retargeting != null) {
            out.name(IS_RETARGETING).value(retargeting);
        }
        Boolean attributed = ad.attributed;
        if (attributed != null) {
            out.name(ATTRIBUTED).value(attributed);
        }
        optional(out, ATTRIBUTE_TYPE, ad.attributeType);
        optional(out, ATTRIBUTE_PROVIDER, ad.attributeProvider);
        out.endObject();
    }

    private static void optional(JsonOut out, byte[] name, String value) {
        if (value != null) {
            out.name(name).value(value);
        }
    }

    /** An amount: NaN means absent (see {@link Properties#value}). */
    private static void optional(JsonOut out, byte[] name, double amount) {
        if (!Double.isNaN(amount)) {
            out.name(name).value(amount);
        }
    }

    private static void optional(JsonOut out, byte[] name, Integer value) {
        if (value != null) {
            out.name(name).value(value.longValue());
        }
    }
}
