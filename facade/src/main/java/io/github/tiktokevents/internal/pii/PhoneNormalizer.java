package io.github.tiktokevents.internal.pii;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private final Set<Integer> callingCodes = Set.copyOf(phoneNumbers.getSupportedCallingCodes());
    /** Each calling code's {@code national_prefix_for_parsing}, compiled once; an empty optional when it has none. */
    private final Map<Integer, Optional<NationalPrefix>> nationalPrefixes = new ConcurrentHashMap<>();

    @Override
    public CharSequence normalize(String value, String field, EventDefaults defaults) {
        if (isPlusAndDigits(value)) {
            // already "+" and digits, the form most stores keep: no copy of it is made
            CharSequence e164 = alreadyE164(value);
            if (e164 != null) {
                return checkedLength(e164, field);
            }
        }
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
        CharSequence e164 = international ? alreadyE164(digits) : null;
        if (e164 == null) {
            e164 = parse(digits, region, field);
        }
        return checkedLength(e164, field);
    }

    private static CharSequence checkedLength(CharSequence e164, String field) {
        int digitCount = e164.length() - 1;
        if (digitCount < MIN_PHONE_DIGITS || digitCount > MAX_PHONE_DIGITS) {
            throw new TikTokValidationException(field, tooLongOrShort());
        }
        return e164;
    }

    private static boolean isPlusAndDigits(String value) {
        if (value.length() < 2 || value.length() > MAX_INPUT_DIGITS + 1 || value.charAt(0) != '+'
                || value.charAt(1) < '1' || value.charAt(1) > '9') {
            return false;
        }
        for (int i = 2; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * The E.164 form of an international number ({@code +} and digits) when libphonenumber would return it as it
     * is, else null. Parsing costs about 5 µs and 3 KB of garbage, most of a prepared event, for what is nearly
     * always no change. libphonenumber changes an international number only by stripping a national prefix after the
     * country code (UK {@code +44 07700...}, {@code +44 (0)7700...}), and only when the country's
     * {@code national_prefix_for_parsing} matches at the start of the rest: that same check, on the same metadata,
     * decides here, and every other number goes to the parser. {@code PhoneFastPathTest} compares the two on random
     * numbers of every calling code.
     */
    private CharSequence alreadyE164(CharSequence plusAndDigits) {
        for (int length = 1; length <= 3 && length < plusAndDigits.length() - 1; length++) {
            int code = Integer.parseInt(plusAndDigits, 1, 1 + length, 10);
            if (callingCodes.contains(code)) {
                Optional<NationalPrefix> prefix = nationalPrefixes.computeIfAbsent(code, this::nationalPrefixForParsing);
                if (prefix.isPresent() && prefix.get().matchesAtStart(plusAndDigits, 1 + length)) {
                    return null;
                }
                return plusAndDigits; // hashed as it is: no String made
            }
        }
        return null; // no known calling code: the parser says so
    }

    private Optional<NationalPrefix> nationalPrefixForParsing(int callingCode) {
        String region = phoneNumbers.getRegionCodeForCountryCode(callingCode);
        // the metadata PhoneNumberUtil.getInstance() parses with
        MetadataSource source = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        PhoneMetadata metadata = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
                ? source.getMetadataForNonGeographicalRegion(callingCode)
                : source.getMetadataForRegion(region);
        if (metadata == null || !metadata.hasNationalPrefixForParsing() || metadata.getNationalPrefixForParsing().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(NationalPrefix.of(Pattern.compile(metadata.getNationalPrefixForParsing())));
    }

    /**
     * A {@code national_prefix_for_parsing} pattern with the first digits it can match: most national numbers start
     * with a digit no prefix can, and are then decided without a {@link Matcher} (whose group arrays
     * were a fifth of a prepared event's allocation).
     */
    private record NationalPrefix(Pattern pattern, boolean[] firstDigits) {
        static NationalPrefix of(Pattern pattern) {
            boolean[] firstDigits = new boolean[10];
            for (int digit = 0; digit < 10; digit++) {
                Matcher probe = pattern.matcher(Character.toString('0' + digit));
                // a match, or a need for more input, means some number starting with this digit can match
                firstDigits[digit] = probe.lookingAt() || probe.hitEnd();
            }
            return new NationalPrefix(pattern, firstDigits);
        }

        boolean matchesAtStart(CharSequence digits, int from) {
            return firstDigits[digits.charAt(from) - '0'] && pattern.matcher(digits).region(from, digits.length()).lookingAt();
        }
    }

    private String parse(StringBuilder digits, String region, String field) {
        PhoneNumber number;
        try {
            number = phoneNumbers.parse(digits, region);
        } catch (NumberParseException e) {
            // the message names the kind of problem only: libphonenumber's own messages may quote the input
            throw new TikTokValidationException(field, describe(e.getErrorType()));
        }
        return phoneNumbers.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
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
