package io.github.tiktokevents;

import io.github.tiktokevents.client.model.EventAd;
import io.github.tiktokevents.client.model.EventApp;
import io.github.tiktokevents.client.model.EventData;
import io.github.tiktokevents.client.model.EventLead;
import io.github.tiktokevents.client.model.EventProperties;
import io.github.tiktokevents.client.model.EventUser;
import io.github.tiktokevents.client.model.HashedIdentifiers;
import io.github.tiktokevents.client.model.PixelBatchEvent;
import io.github.tiktokevents.client.model.PixelContent;
import io.github.tiktokevents.client.model.PixelContext;
import io.github.tiktokevents.client.model.PixelContextAd;
import io.github.tiktokevents.client.model.PixelContextUser;
import io.github.tiktokevents.client.model.PixelProperties;
import io.github.tiktokevents.client.model.PixelTrackRequest;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the facade's {@link Event} onto the generated wire models: Events API 2.0 {@link EventData} and 1.0
 * {@link PixelBatchEvent} / {@link PixelTrackRequest}. The only place that knows both sides. Empty lists are mapped
 * to null because the generated models would otherwise send {@code []}.
 */
final class WireMapper {
    private WireMapper() {
    }

    static EventData eventData(Event event) {
        EventData data = new EventData()
                .event(event.name())
                .eventTime(event.time().getEpochSecond())
                .eventId(event.eventId());
        event.user().ifPresent(user -> data.user(eventUser(user)));
        event.properties().ifPresent(properties -> data.properties(eventProperties(properties)));
        event.page().ifPresent(page -> data.page(page(page)));
        event.app().ifPresent(app -> data.app(new EventApp().appId(app.appId())
                .appName(app.appName().orElse(null)).appVersion(app.appVersion().orElse(null))));
        event.ad().ifPresent(ad -> data.ad(eventAd(ad)));
        event.lead().ifPresent(lead -> data.lead(new EventLead().leadId(lead.leadId())
                .leadEventSource(lead.leadEventSource().orElse(null))));
        event.limitedDataUse().ifPresent(data::limitedDataUse);
        return data;
    }

    private static EventUser eventUser(User user) {
        return new EventUser()
                .email(identifiers(user.hashedEmails()))
                .phone(identifiers(user.hashedPhones()))
                .externalId(identifiers(user.hashedExternalIds()))
                .ttclid(user.ttclid().orElse(null))
                .ttp(user.ttp().orElse(null))
                .ip(user.ip().orElse(null))
                .userAgent(user.userAgent().orElse(null))
                .locale(user.locale().orElse(null))
                .idfa(user.idfa().orElse(null))
                .idfv(user.idfv().orElse(null))
                .gaid(user.gaid().orElse(null));
    }

    /** One value goes as a string, several as an array: both are what TikTok accepts. */
    private static HashedIdentifiers identifiers(List<String> hashes) {
        if (hashes.isEmpty()) {
            return null;
        }
        return new HashedIdentifiers(hashes.size() == 1 ? hashes.get(0) : hashes);
    }

    private static EventProperties eventProperties(Properties properties) {
        List<io.github.tiktokevents.client.model.Content> contents = new ArrayList<>(properties.contents().size());
        for (Content content : properties.contents()) {
            contents.add(new io.github.tiktokevents.client.model.Content()
                    .contentId(content.contentId().orElse(null))
                    .contentType(content.contentType().map(WireMapper::contentType).orElse(null))
                    .contentName(content.contentName().orElse(null))
                    .contentCategory(content.contentCategory().orElse(null))
                    .brand(content.brand().orElse(null))
                    .price(content.price().orElse(null))
                    .quantity(content.quantity().orElse(null)));
        }
        return new EventProperties()
                .contents(contents.isEmpty() ? null : contents)
                .contentType(properties.commonContentType().map(WireMapper::contentType).orElse(null))
                .contentIds(properties.contentIds().isEmpty() ? null : properties.contentIds())
                .currency(properties.currency().orElse(null))
                .value(properties.value().orElse(null))
                .numItems(properties.numItems().orElse(null))
                .searchString(properties.searchString().orElse(null))
                .query(properties.query().orElse(null))
                .description(properties.description().orElse(null))
                .orderId(properties.orderId().orElse(null))
                .shopId(properties.shopId().orElse(null))
                .predictedLtv(properties.predictedLtv().orElse(null));
    }

    private static EventAd eventAd(Ad ad) {
        return new EventAd()
                .callback(ad.callback().orElse(null))
                .campaignId(ad.campaignId().orElse(null))
                .adId(ad.adId().orElse(null))
                .creativeId(ad.creativeId().orElse(null))
                .isRetargeting(ad.retargeting().orElse(null))
                .attributed(ad.attributed().orElse(null))
                .attributeType(ad.attributeType().orElse(null))
                .attributeProvider(ad.attributeProvider().orElse(null));
    }

    private static io.github.tiktokevents.client.model.Page page(Page page) {
        return new io.github.tiktokevents.client.model.Page().url(page.url()).referrer(page.referrer().orElse(null));
    }

    private static io.github.tiktokevents.client.model.ContentType contentType(ContentType type) {
        return io.github.tiktokevents.client.model.ContentType.fromValue(type.wireValue());
    }

    // ------------------------------------------------------------------ Events API 1.0

    static PixelBatchEvent pixelBatchEvent(Event event) {
        return new PixelBatchEvent()
                .type(PixelBatchEvent.TypeEnum.TRACK)
                .event(event.name())
                .eventId(event.eventId())
                .timestamp(event.timeWithOffset().truncatedTo(ChronoUnit.SECONDS))
                .context(pixelContext(event))
                .properties(event.properties().map(WireMapper::pixelProperties).orElse(null));
    }

    static PixelTrackRequest pixelTrackRequest(Event event, String pixelCode, String testEventCode, String partnerName) {
        PixelBatchEvent one = pixelBatchEvent(event);
        return new PixelTrackRequest()
                .pixelCode(pixelCode)
                .event(one.getEvent())
                .eventId(one.getEventId())
                .timestamp(one.getTimestamp())
                .testEventCode(testEventCode)
                .partnerName(partnerName)
                .context(one.getContext())
                .properties(one.getProperties());
    }

    /** 1.0 takes one value per identifier: the first one given. */
    private static PixelContext pixelContext(Event event) {
        PixelContext context = new PixelContext();
        event.page().ifPresent(page -> context.page(page(page)));
        event.user().ifPresent(user -> {
            context.user(new PixelContextUser()
                    .email(first(user.hashedEmails()))
                    .phoneNumber(first(user.hashedPhones()))
                    .externalId(first(user.hashedExternalIds()))
                    .ttp(user.ttp().orElse(null)));
            context.ip(user.ip().orElse(null))
                    .userAgent(user.userAgent().orElse(null))
                    .locale(user.locale().orElse(null));
            user.ttclid().ifPresent(ttclid -> context.ad(new PixelContextAd().callback(ttclid)));
        });
        return context;
    }

    private static PixelProperties pixelProperties(Properties properties) {
        List<PixelContent> contents = new ArrayList<>(properties.contents().size());
        for (Content content : properties.contents()) {
            contents.add(new PixelContent()
                    .contentId(content.contentId().orElse(null))
                    .contentType(content.contentType().map(WireMapper::contentType).orElse(null))
                    .contentName(content.contentName().orElse(null))
                    .contentCategory(content.contentCategory().orElse(null))
                    .price(content.price().orElse(null))
                    .quantity(content.quantity().orElse(null)));
        }
        return new PixelProperties()
                .contents(contents.isEmpty() ? null : contents)
                .currency(properties.currency().orElse(null))
                .value(properties.value().orElse(null))
                .description(properties.description().orElse(null))
                .query(properties.query().orElse(null));
    }

    private static String first(List<String> values) {
        return values.isEmpty() ? null : values.get(0);
    }
}
