package io.github.tiktokevents.internal.pii;

import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;

/**
 * Puts a phone number in E.164 ({@code +}, country code, digits). Separators (space, dash, dot, slash, brackets) are
 * dropped; {@code 00} counts as the international prefix; a number with neither {@code +} nor {@code 00} gets the
 * default country code after losing one trunk {@code 0}, and is refused when there is none.
 */
final class PhoneNormalizer implements Normalizer {
    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;

    @Override
    public CharSequence normalize(String value, String field, EventDefaults defaults) {
        StringBuilder e164 = new StringBuilder(MAX_PHONE_DIGITS + 4).append('+');
        boolean plus = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                e164.append(c);
            } else if (c == '+' && e164.length() == 1 && !plus) {
                plus = true;
            } else if (!isSeparator(c)) {
                throw new TikTokValidationException(field,
                        "is not a phone number (only digits, a leading '+' and separators like spaces, '-', '.', '(' and ')' are allowed)");
            }
        }
        if (!plus) {
            if (e164.length() > 3 && e164.charAt(1) == '0' && e164.charAt(2) == '0') {
                e164.delete(1, 3); // 00 is the international prefix: what follows is the country code
            } else {
                String countryCode = defaults.defaultPhoneCountryCode().orElse(null);
                if (countryCode == null) {
                    throw new TikTokValidationException(field,
                            "has no country code: start it with '+' and the country code, or configure a default phone country code"
                                    + " (EventDefaults.withDefaultPhoneCountryCode)");
                }
                if (e164.length() > 1 && e164.charAt(1) == '0') {
                    e164.deleteCharAt(1); // a national trunk prefix, dropped in international form
                }
                e164.insert(1, countryCode);
            }
        }
        int digitCount = e164.length() - 1;
        if (digitCount == 0 || e164.charAt(1) == '0') {
            throw new TikTokValidationException(field, "is not a phone number (a country code never starts with 0)");
        }
        if (digitCount < MIN_PHONE_DIGITS || digitCount > MAX_PHONE_DIGITS) {
            throw new TikTokValidationException(field, "is not a phone number (E.164 allows "
                    + MIN_PHONE_DIGITS + " to " + MAX_PHONE_DIGITS + " digits with the country code)");
        }
        return e164;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\t' || c == '\u00a0';
    }
}
