package io.github.tiktokevents.internal.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;

/**
 * Puts a phone number in E.164 ({@code +}, country code, national number) with Google's libphonenumber, which knows
 * each country's national format: a trunk {@code 0} is dropped where it is a trunk prefix (UK {@code 07700 900123}
 * becomes {@code +447700900123}) and kept where it is part of the number (Italy {@code 06 6982 1234} becomes
 * {@code +390669821234}). Only digits, one leading {@code +} and separators are accepted (no letters, so no vanity
 * numbers and no extensions). {@code +} or {@code 00} starts an international number; any other number is read in
 * the default country, and refused when there is none (never a silent {@code +1}).
 */
final class PhoneNormalizer implements Normalizer {
    private static final int MIN_PHONE_DIGITS = 8;
    private static final int MAX_PHONE_DIGITS = 15;
    /** No caller input longer than this is a phone number; libphonenumber is not asked about it. */
    private static final int MAX_INPUT_DIGITS = 24;
    private static final String UNKNOWN_REGION = "ZZ";

    private final PhoneNumberUtil phoneNumbers = PhoneNumberUtil.getInstance();

    @Override
    public CharSequence normalize(String value, String field, EventDefaults defaults) {
        StringBuilder digits = new StringBuilder(value.length());
        boolean plus = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && digits.length() == 0 && !plus) {
                plus = true;
            } else if (!isSeparator(c)) {
                throw new TikTokValidationException(field,
                        "is not a phone number (only digits, a leading '+' and separators like spaces, '-', '.', '(' and ')' are allowed)");
            }
        }
        if (digits.length() == 0) {
            throw new TikTokValidationException(field, "is not a phone number (it has no digits)");
        }
        if (digits.length() > MAX_INPUT_DIGITS) {
            throw new TikTokValidationException(field, tooLongOrShort());
        }
        boolean international = plus;
        if (!plus && digits.length() > 2 && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            digits.delete(0, 2); // 00 is the international prefix: what follows is the country code
            international = true;
        }
        String region;
        if (international) {
            if (digits.charAt(0) == '0') {
                throw new TikTokValidationException(field, "is not a phone number (a country code never starts with 0)");
            }
            digits.insert(0, '+');
            region = UNKNOWN_REGION;
        } else {
            String countryCode = defaults.defaultPhoneCountryCode().orElse(null);
            if (countryCode == null) {
                throw new TikTokValidationException(field,
                        "has no country code: start it with '+' and the country code, or configure a default phone country code"
                                + " (EventDefaults.withDefaultPhoneCountryCode)");
            }
            region = phoneNumbers.getRegionCodeForCountryCode(Integer.parseInt(countryCode));
        }
        PhoneNumber number;
        try {
            number = phoneNumbers.parse(digits, region);
        } catch (NumberParseException e) {
            // the message names the kind of problem only: libphonenumber's own messages may quote the input
            throw new TikTokValidationException(field, describe(e.getErrorType()));
        }
        String e164 = phoneNumbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
        int digitCount = e164.length() - 1;
        if (digitCount < MIN_PHONE_DIGITS || digitCount > MAX_PHONE_DIGITS) {
            throw new TikTokValidationException(field, tooLongOrShort());
        }
        return e164;
    }

    private static String describe(NumberParseException.ErrorType type) {
        switch (type) {
            case INVALID_COUNTRY_CODE:
                return "is not a phone number (its country code is unknown)";
            case TOO_SHORT_AFTER_IDD:
            case TOO_SHORT_NSN:
            case TOO_LONG:
                return tooLongOrShort();
            default:
                return "is not a phone number";
        }
    }

    private static String tooLongOrShort() {
        return "is not a phone number (E.164 allows " + MIN_PHONE_DIGITS + " to " + MAX_PHONE_DIGITS
                + " digits with the country code)";
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\t' || c == '\u00a0';
    }
}
