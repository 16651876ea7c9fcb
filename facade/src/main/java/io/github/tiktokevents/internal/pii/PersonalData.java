package io.github.tiktokevents.internal.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Locale;

/**
 * Turns a raw personal value into what TikTok receives: trimmed, normalised by its field's rule and SHA-256 hashed
 * (lowercase hex). A value that already is 64 hex characters is taken as a digest and only lowercased. Errors name
 * the field and the rule, never the value.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class PersonalData {
    private PersonalData() {
    }

    /**
     * Normalises and hashes a raw value.
     *
     * @param rule the field's normalisation rule
     * @param raw the raw value
     * @param field the field name for error messages
     * @param defaults the defaults the rule may need
     * @return the lowercase hex SHA-256 digest
     * @throws TikTokValidationException if the value is null, blank or breaks the rule
     */
    public static String hash(Normalizer rule, String raw, String field, EventDefaults defaults) {
        String value = requireText(raw, field);
        if (Sha256.isHexDigest(value)) {
            return value.toLowerCase(Locale.ROOT);
        }
        return Sha256.hex(rule.normalize(value, field, defaults));
    }

    /**
     * Checks a value the caller hashed and lowercases it.
     *
     * @param sha256Hex the digest
     * @param field the field name for error messages
     * @return the digest in lowercase
     * @throws TikTokValidationException if it is not 64 hex characters
     */
    public static String digest(String sha256Hex, String field) {
        String value = requireText(sha256Hex, field);
        if (!Sha256.isHexDigest(value)) {
            throw new TikTokValidationException(field, "is not a SHA-256 digest (expected 64 hexadecimal characters)");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    /**
     * Checks a country calling code such as {@code 55} or {@code +55}.
     *
     * @param code the code
     * @return its digits
     * @throws TikTokValidationException if it is not 1 to 3 digits without a leading 0, or no country's code
     */
    public static String countryCallingCode(String code) {
        String value = requireText(code, "defaultPhoneCountryCode");
        String digits = value.charAt(0) == '+' ? value.substring(1) : value;
        boolean valid = !digits.isEmpty() && digits.length() <= 3 && digits.charAt(0) != '0';
        for (int i = 0; valid && i < digits.length(); i++) {
            valid = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
        }
        // a code no country has (999), or a non-geographic one (800): no national numbers to read with it
        if (!valid || !PhoneNumberUtil.getInstance().getSupportedRegions().contains(
                PhoneNumberUtil.getInstance().getRegionCodeForCountryCode(Integer.parseInt(digits)))) {
            throw new TikTokValidationException("defaultPhoneCountryCode", "is not a country calling code (1 to 3 digits, e.g. 55 for Brazil)");
        }
        return digits;
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
