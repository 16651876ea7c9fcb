package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.client.model.PixelBatchEvent;
import io.github.tiktokevents.client.model.PixelContent;
import io.github.tiktokevents.client.model.PixelContext;
import io.github.tiktokevents.client.model.PixelContextAd;
import io.github.tiktokevents.client.model.PixelContextUser;
import io.github.tiktokevents.client.model.PixelProperties;
import io.github.tiktokevents.client.model.PixelTrackRequest;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps the facade's {@link Event} onto the generated Events API 1.0 models ({@link PixelBatchEvent} /
 * {@link PixelTrackRequest}). Events API 2.0 events are written directly by the event package's {@code EventJson}. Empty lists are
 * mapped to null because the generated models would otherwise send {@code []}.
 */
final class WireMapper {
    private WireMapper() {
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
        // 1.0 has no content_ids: the same ids go as contents, so they are not lost
        for (String contentId : properties.contentIds()) {
            contents.add(new PixelContent().contentId(contentId));
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
