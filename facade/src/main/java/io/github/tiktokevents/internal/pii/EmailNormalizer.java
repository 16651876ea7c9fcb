package io.github.tiktokevents.internal.pii;

import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Locale;

/** Lowercases an email address and checks its shape (one {@code @}, a dotted domain, no white space). No regex: this runs per event. */
final class EmailNormalizer implements Normalizer {
    @Override
    public CharSequence normalize(String trimmed, String field, EventDefaults defaults) {
        String value = trimmed.toLowerCase(Locale.ROOT);
        int at = value.indexOf('@');
        if (at <= 0 || at != value.lastIndexOf('@') || at == value.length() - 1) {
            throw new TikTokValidationException(field, "is not an email address (expected one '@' between a local part and a domain)");
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isWhitespace(value.charAt(i))) {
                throw new TikTokValidationException(field, "is not an email address (contains whitespace)");
            }
        }
        int dot = value.lastIndexOf('.');
        if (dot < at + 2 || dot == value.length() - 1) {
            throw new TikTokValidationException(field, "is not an email address (the domain needs a dot, e.g. example.com)");
        }
        return value;
    }
}
