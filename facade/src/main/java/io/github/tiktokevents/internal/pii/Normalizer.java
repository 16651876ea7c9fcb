package io.github.tiktokevents.internal.pii;

import io.github.tiktokevents.event.EventDefaults;

/**
 * One kind of personal data's normalisation: what TikTok hashes for it. A spec property names its rule with
 * {@code x-tiktok-pii}; {@link Normalizers} finds the rule by that name.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public interface Normalizer {
    /**
     * Normalises a value before it is hashed.
     *
     * @param trimmed the value, trimmed and not empty (and not already a digest)
     * @param field the field name for error messages
     * @param defaults the defaults (such as the phone country for national numbers)
     * @return the text to hash (a builder is fine: it is hashed at once, never kept)
     * @throws io.github.tiktokevents.exception.TikTokValidationException if the value breaks the rule; the message
     *         names the field and the rule, never the value
     */
    CharSequence normalize(String trimmed, String field, EventDefaults defaults);
}
