package io.github.tiktokevents.internal.pii;

import io.github.tiktokevents.event.EventDefaults;
import java.util.Locale;

/** Removes white space from a postal code and lowercases it ({@code "SW1A 1AA"} becomes {@code sw1a1aa}). */
final class ZipNormalizer implements Normalizer {
    @Override
    public CharSequence normalize(String trimmed, String field, EventDefaults defaults) {
        StringBuilder out = new StringBuilder(trimmed.length());
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (!Character.isWhitespace(c)) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
