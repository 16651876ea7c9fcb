package io.github.tiktokevents.internal.pii;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Locale;

/**
 * Normalises and SHA-256 hashes the personal values TikTok matches on: email, phone and external id. A value that
 * already is 64 hex characters is taken as a digest and only lowercased. Errors name the field and the rule,
 * never the value. No regular expressions: this runs for every event.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class PiiNormalizer {
    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;

    private PiiNormalizer() {
    }

    /** Trims, lowercases and hashes an email; a 64-hex value passes through lowercased. */
    public static String email(String raw, String field) {
        String value = requireText(raw, field).toLowerCase(Locale.ROOT);
        if (Sha256.isHexDigest(value)) {
            return value;
        }
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
        return Sha256.hex(value);
    }

    /**
     * Puts a phone number in E.164 ({@code +} country code and digits) and hashes it. Separators (space, dash, dot,
     * slash, brackets) are dropped; {@code 00} counts as the international prefix; a number with neither {@code +}
     * nor {@code 00} gets the default country code after losing one trunk {@code 0}, and is refused when there is none.
     */
    public static String phone(String raw, String field, String defaultCountryCode) {
        String value = requireText(raw, field);
        if (Sha256.isHexDigest(value)) {
            return value.toLowerCase(Locale.ROOT);
        }
        // "+" then the digits, country code first: the E.164 form that is hashed
        StringBuilder e164 = new StringBuilder(MAX_PHONE_DIGITS + 4).append('+');
        boolean plus = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                e164.append(c);
            } else if (c == '+' && e164.length() == 1 && !plus) {
                plus = true;
            } else if (!isPhoneSeparator(c)) {
                throw new TikTokValidationException(field,
                        "is not a phone number (only digits, a leading '+' and separators like spaces, '-', '.', '(' and ')' are allowed)");
            }
        }
        if (!plus) {
            if (e164.length() > 3 && e164.charAt(1) == '0' && e164.charAt(2) == '0') {
                e164.delete(1, 3); // 00 is the international prefix: what follows is the country code
            } else if (defaultCountryCode == null) {
                throw new TikTokValidationException(field,
                        "has no country code: start it with '+' and the country code, or configure a default phone country code"
                                + " (EventDefaults.defaultPhoneCountryCode)");
            } else {
                if (e164.length() > 1 && e164.charAt(1) == '0') {
                    e164.deleteCharAt(1); // a national trunk prefix, dropped in international form
                }
                e164.insert(1, defaultCountryCode);
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
        return Sha256.hex(e164);
    }

    /** Trims and hashes an external id (case is kept: ids may be case-sensitive); a 64-hex value passes through lowercased. */
    public static String externalId(String raw, String field) {
        String value = requireText(raw, field);
        if (Sha256.isHexDigest(value)) {
            return value.toLowerCase(Locale.ROOT);
        }
        return Sha256.hex(value);
    }

    /** Checks a value the caller says is already hashed, and lowercases it. */
    public static String alreadyHashed(String value, String field) {
        String trimmed = requireText(value, field);
        if (!Sha256.isHexDigest(trimmed)) {
            throw new TikTokValidationException(field, "is not a SHA-256 digest (expected 64 hexadecimal characters)");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }

    /** Checks a country calling code such as "55" or "+55" and returns its digits. */
    public static String countryCallingCode(String code) {
        String value = requireText(code, "defaultPhoneCountryCode");
        String digits = value.charAt(0) == '+' ? value.substring(1) : value;
        boolean valid = !digits.isEmpty() && digits.length() <= 3 && digits.charAt(0) != '0';
        for (int i = 0; valid && i < digits.length(); i++) {
            valid = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
        }
        if (!valid) {
            throw new TikTokValidationException("defaultPhoneCountryCode", "is not a country calling code (1 to 3 digits, e.g. 55 for Brazil)");
        }
        return digits;
    }

    private static boolean isPhoneSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\t' || c == '\u00a0';
    }

    private static String requireText(String raw, String field) {
        if (raw == null) {
            throw new TikTokValidationException(field, "is null");
        }
        String value = raw.trim();
        if (value.isEmpty()) {
            throw new TikTokValidationException(field, "is blank");
        }
        return value;
    }
}
