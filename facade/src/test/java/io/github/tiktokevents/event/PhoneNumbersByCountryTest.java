package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Phone numbers as people write them in their own country, against the E.164 form libphonenumber gives (and which
 * is written down here, so a change of library behaviour shows). The leading 0 is part of the number in Italy, San
 * Marino, Gabon, Congo and Côte d'Ivoire, and a trunk prefix to drop in the UK, Germany, France and most others.
 */
class PhoneNumbersByCountryTest {
    private static final String TABLE = """
            06 6982 1234        | 39  | +390669821234
            +39 06 6982 1234    | -   | +390669821234
            0039 06 6982 1234   | -   | +390669821234
            347 123 4567        | 39  | +393471234567
            0549 882 555        | 378 | +3780549882555
            07700 900123        | 44  | +447700900123
            +44 (0)7700 900123  | -   | +447700900123
            020 7946 0018       | 44  | +442079460018
            (415) 555-0132      | 1   | +14155550132
            1 415 555 0132      | 1   | +14155550132
            011 41 44 668 18 00 | 1   | +41446681800
            0041 44 668 18 00   | 41  | +41446681800
            044 668 18 00       | 41  | +41446681800
            030 123456          | 49  | +4930123456
            0151 23456789       | 49  | +4915123456789
            01 23 45 67 89      | 33  | +33123456789
            06 12 34 56 78      | 33  | +33612345678
            (41) 99886-2934     | 55  | +5541998862934
            041 99886 2934      | 55  | +5541998862934
            +55 (41)9.9886-2934 | -   | +5541998862934
            138 0000 0000       | 86  | +8613800000000
            010 1234 5678       | 86  | +861012345678
            090-1234-5678       | 81  | +819012345678
            03-1234-5678        | 81  | +81312345678
            010-1234-5678       | 82  | +821012345678
            98765 43210         | 91  | +919876543210
            022 2345 6789       | 91  | +912223456789
            0412 345 678        | 61  | +61412345678
            (02) 9876 5432      | 61  | +61298765432
            612 345 678         | 34  | +34612345678
            91 123 45 67        | 34  | +34911234567
            06 12345678         | 31  | +31612345678
            020 123 4567        | 31  | +31201234567
            01 23 45 67         | 241 | +24101234567
            06 123 4567         | 242 | +242061234567
            07 12 34 56 78      | 225 | +2250712345678
            55 1234 5678        | 52  | +525512345678
            0812-3456-7890      | 62  | +6281234567890
            081 234 5678        | 27  | +27812345678
            +7 912 345-67-89    | -   | +79123456789
            8 912 345-67-89     | 7   | +79123456789
            """;

    @Test
    void everyNumberIsHashedAsItsE164FormAsLibphonenumberGivesIt() {
        PhoneNumberUtil library = PhoneNumberUtil.getInstance();
        assertThat(rows().count()).isGreaterThanOrEqualTo(30);
        assertThat(rows().map(row -> {
            try {
                return library.getRegionCodeForNumber(library.parse(row[2], "ZZ"));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).collect(Collectors.toSet())).hasSizeGreaterThanOrEqualTo(10);
        rows().forEach(row -> {
            String raw = row[0];
            String country = row[1];
            String expected = row[2];
            EventDefaults defaults = EventDefaults.standard().withDefaultPhoneCountryCode(country.equals("-") ? null : country);
            String libraryForm = e164ByLibrary(library, raw, country);

            assertThat(libraryForm).as("libphonenumber's E.164 of [%s] in country %s", raw, country).isEqualTo(expected);
            assertThat(User.builder(defaults).phone(raw).build().hashedPhones())
                    .as("[%s] in country %s", raw, country).containsExactly(sha256(expected));
        });
    }

    @Test
    void italysLeadingZeroIsKept() {
        EventDefaults italy = EventDefaults.standard().withDefaultPhoneCountryCode("39");

        assertThat(User.builder(italy).phone("06 6982 1234").build().hashedPhones())
                .containsExactly(sha256("+390669821234"))
                .doesNotContain(sha256("+39669821234"));
    }

    @ParameterizedTest(name = "[{0}] with country [{1}]: {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "06 6982 1234|-|no country code",
            "(415) 555-0132|-|no country code",
            "+39 06 6982 CALL|-|only digits",
            "+1 415 555 0132 ext. 12|-|only digits",
            "+0 415 555 0132|-|never starts with 0",
            "+999 1234 5678|-|country code is unknown",
            "+1 234|-|8 to 15 digits",
            "123456789012345678901234567|39|8 to 15 digits",
            "' - '|39|no digits"})
    void badNumbersAreRefusedWithoutQuotingThem(String raw, String country, String rule) {
        EventDefaults defaults = EventDefaults.standard().withDefaultPhoneCountryCode(country);
        assertThatThrownBy(() -> User.builder(defaults).phone(raw))
                .isInstanceOf(TikTokValidationException.class)
                .hasMessageStartingWith("user.phone:").hasMessageContaining(rule)
                .satisfies(e -> {
                    assertThat(e.getMessage()).doesNotContain(raw.trim());
                    String digits = raw.replaceAll("\\D", "");
                    if (!digits.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain(digits);
                    }
                });
    }

    @ParameterizedTest
    @CsvSource({"999", "800", "0", "1234"})
    void aDefaultCountryCodeMustBeACountrys(String code) {
        assertThatThrownBy(() -> EventDefaults.standard().withDefaultPhoneCountryCode(code))
                .isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("defaultPhoneCountryCode:");
    }

    private static Stream<String[]> rows() {
        return TABLE.lines().map(line -> line.split("\\|")).map(cells -> Stream.of(cells).map(String::trim).toArray(String[]::new));
    }

    private static String e164ByLibrary(PhoneNumberUtil library, String raw, String country) {
        try {
            String text = raw.startsWith("00") ? "+" + raw.substring(2) : raw;
            String region = country.equals("-") ? "ZZ" : library.getRegionCodeForCountryCode(Integer.parseInt(country));
            return library.format(library.parse(text, region), PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (Exception e) {
            throw new AssertionError("libphonenumber cannot read " + raw, e);
        }
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
