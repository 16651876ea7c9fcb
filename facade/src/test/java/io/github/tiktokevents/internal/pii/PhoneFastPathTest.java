package io.github.tiktokevents.internal.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The phone normaliser skips libphonenumber for international numbers it would return unchanged. This checks, on
 * random numbers of every calling code (national parts that start with each digit, trunk prefixes included), that
 * the normaliser gives exactly what libphonenumber's own parse and E.164 format give, or refuses what it refuses.
 */
class PhoneFastPathTest {
    private static final long SEED = 20261202L;
    private static final PhoneNumberUtil LIBPHONENUMBER = PhoneNumberUtil.getInstance();

    @Test
    void everyInternationalNumberComesOutAsLibphonenumberFormatsIt() {
        PhoneNormalizer normalizer = new PhoneNormalizer();
        Random random = new Random(SEED);
        List<Integer> codes = new ArrayList<>(LIBPHONENUMBER.getSupportedCallingCodes());
        codes.sort(null);
        int compared = 0;
        int changedByLibphonenumber = 0;
        for (int round = 0; round < 40; round++) {
            for (int code : codes) {
                String number = "+" + code + nationalPart(random);
                String expected = libphonenumber(number);
                String actual = normalize(normalizer, number);
                assertThat(actual).as("%s (seed %d)", number, SEED).isEqualTo(expected);
                compared++;
                if (expected != null && !expected.equals(number)) {
                    changedByLibphonenumber++;
                }
            }
        }
        assertThat(compared).isGreaterThan(8_000);
        // the sample must hold numbers whose national prefix libphonenumber strips, or the fast path's check is untested
        assertThat(changedByLibphonenumber).isGreaterThan(50);
    }

    @Test
    void knownTrunkPrefixesAfterTheCountryCodeAreStillStripped() {
        PhoneNormalizer normalizer = new PhoneNormalizer();
        assertThat(normalize(normalizer, "+4407700900123")).isEqualTo("+447700900123");
        assertThat(normalize(normalizer, "+44 (0)7700 900123")).isEqualTo("+447700900123");
        assertThat(normalize(normalizer, "+390669821234")).isEqualTo("+390669821234");
        assertThat(normalize(normalizer, "+5541998862934")).isEqualTo("+5541998862934");
    }

    private static String nationalPart(Random random) {
        int length = 5 + random.nextInt(9);
        StringBuilder digits = new StringBuilder();
        // the first digit covers every national-prefix start (0, 1, 8, 9, ...) equally often
        digits.append(random.nextInt(10));
        for (int i = 1; i < length; i++) {
            digits.append(random.nextInt(10));
        }
        return digits.toString();
    }

    private static String libphonenumber(String number) {
        try {
            String e164 = LIBPHONENUMBER.format(LIBPHONENUMBER.parse(number, "ZZ"), PhoneNumberUtil.PhoneNumberFormat.E164);
            int digits = e164.length() - 1;
            return digits >= 8 && digits <= 15 ? e164 : null;
        } catch (NumberParseException refused) {
            return null;
        }
    }

    private static String normalize(PhoneNormalizer normalizer, String number) {
        try {
            return normalizer.normalize(number, "user.phone", EventDefaults.standard()).toString();
        } catch (TikTokValidationException refused) {
            return null;
        }
    }
}
