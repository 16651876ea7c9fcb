package io.github.tiktokevents.internal.pii;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.model.Values;
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
     * @param raw the raw value, or null
     * @param field the field name for error messages
     * @param defaults the defaults the rule may need
     * @return the lowercase hex SHA-256 digest, or null when the value is absent (null, empty or white space: never
     *         the digest of an empty string)
     * @throws TikTokValidationException if the value breaks the rule or holds a control character or an unpaired
     *         surrogate
     */
    public static String hash(Normalizer rule, String raw, String field, EventDefaults defaults) {
        String value = Values.text(raw, field);
        if (value == null) {
            return null;
        }
        if (Sha256.isHexDigest(value)) {
            return value.toLowerCase(Locale.ROOT);
        }
        return Sha256.hex(rule.normalize(value, field, defaults));
    }

    /**
     * Checks a value the caller hashed and lowercases it.
     *
     * @param sha256Hex the digest, or null
     * @param field the field name for error messages
     * @return the digest in lowercase, or null when absent (null, empty or white space)
     * @throws TikTokValidationException if it is not 64 hex characters
     */
    public static String digest(String sha256Hex, String field) {
        String value = sha256Hex == null ? null : sha256Hex.strip();
        if (value == null || value.isEmpty()) {
            return null;
        }
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
        String value = code == null ? "" : code.strip();
        if (value.isEmpty()) {
            throw new TikTokValidationException("defaultPhoneCountryCode", "is blank");
        }
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
}
