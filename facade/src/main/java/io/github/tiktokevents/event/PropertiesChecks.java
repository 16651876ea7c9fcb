package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.rules.EventRules;
import io.github.tiktokevents.internal.rules.RuleFinding;
import java.util.Optional;

/**
 * Rules of {@link Properties} the spec states only in prose: {@code content_ids} and {@code contents} exclude each
 * other; a currency is an ISO 4217 code, and a value needs one (rules shared with the emulator: {@link EventRules});
 * and {@code content_type}, which TikTok's integrations send both on each content and on properties, is
 * taken from the contents when they all declare the same one and it was not set. The generated
 * {@link Properties.Builder#build()} runs this ({@code x-tiktok-checks}).
 */
final class PropertiesChecks {
    private PropertiesChecks() {
    }

    static void check(Properties.Builder properties) {
        if (!properties.contents.isEmpty() && !properties.contentIds.isEmpty()) {
            throw new TikTokValidationException("properties.content_ids", "must not be set together with properties.contents");
        }
        Optional<RuleFinding> currency = EventRules.currency(properties.currency)
                .filter(finding -> !finding.warning())   // a currency TikTok does not list warns at Event.build()
                .or(() -> EventRules.valueNeedsCurrency(!Double.isNaN(properties.value), properties.currency));
        if (currency.isPresent()) {
            throw new TikTokValidationException(currency.get().field(), currency.get().message());
        }
        if (properties.contentType == null) {
            properties.contentType = commonContentType(properties);
        }
    }

    /** The type every content declares, or null when there is none, some declare none, or they differ. */
    private static ContentType commonContentType(Properties.Builder properties) {
        ContentType common = null;
        for (Content content : properties.contents) {
            ContentType type = content.contentType;
            if (type == null || (common != null && !common.equals(type))) {
                return null;
            }
            common = type;
        }
        return common;
    }
}
