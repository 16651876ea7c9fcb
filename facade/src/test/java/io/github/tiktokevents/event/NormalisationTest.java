package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.exception.TikTokValidationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Table-driven normalisation with known SHA-256 vectors (computed independently with Python's hashlib). */
class NormalisationTest {
    static final String TEST_AT_TEST = "f660ab912ec121d1b1e928a0bb4bc61b15f5ad44d5efdc4e1c92a25e99b8e44a";
    static final String ALICE = "848a771458438fc2ec420560d769fb9b9b86851ee338ec56517baabd79d3bb4f";
    static final String US_PHONE = "9f7ec22d72092cd3c0b58726ed9c2d91b92e51a3f29837508fb2948bb22dd2fd";
    static final String BR_PHONE = "e379a7879266c54b8876bcb2bba6401cc5a3035dcd97b3a7846ed28ea0ca3360";
    static final String DE_PHONE = "a909469fabf3f43d0b7b6c42a85a6e7e8ceb36c7a2f0f1b9c15b80dc16384cb7";

    @ParameterizedTest(name = "email [{0}]")
    @CsvSource(delimiter = '|', value = {
            "test@test.com|" + TEST_AT_TEST,
            "  Test@TEST.com |" + TEST_AT_TEST,
            "' ALICE_abc@gmail.com '|" + ALICE,
            "F660AB912EC121D1B1E928A0BB4BC61B15F5AD44D5EFDC4E1C92A25E99B8E44A|" + TEST_AT_TEST})
    void emails(String raw, String sha) {
        assertThat(User.builder().email(raw).build().hashedEmails()).containsExactly(sha);
    }

    @ParameterizedTest(name = "phone [{0}] with default country code [{1}]")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "+5541998862934|-|" + BR_PHONE,
            "+55 (41) 99886-2934|-|" + BR_PHONE,
            "005541998862934|-|" + BR_PHONE,
            "(41) 99886-2934|55|" + BR_PHONE,
            "041 99886 2934|+55|" + BR_PHONE,
            "(+1)2133734253|-|" + US_PHONE,
            "+1 213.373.4253|-|" + US_PHONE,
            "030 123456|49|" + DE_PHONE,
            "E379A7879266C54B8876BCB2BBA6401CC5A3035DCD97B3A7846ED28EA0CA3360|-|" + BR_PHONE})
    void phones(String raw, String countryCode, String sha) {
        EventDefaults defaults = EventDefaults.standard().withDefaultPhoneCountryCode(countryCode);
        assertThat(User.builder(defaults).phone(raw).build().hashedPhones()).containsExactly(sha);
    }

    @ParameterizedTest(name = "external id [{0}]")
    @CsvSource(delimiter = '|', value = {
            "123456|8d969eef6ecad3c29a3a629280e686cf0c3f5d5a86aff3ca12020c923adc6c92",
            "' user_123 '|80fba0ae1c48e3978e43e4efc365e14e12ea0c830ba8ba5b9a2dafc7e3f2ab8b",
            "User_123|e40649be2376c2d87395d79091b082b7313f8326a4d9c27da52dec8253eaca92"})
    void externalIds(String raw, String sha) {
        assertThat(User.builder().externalId(raw).build().hashedExternalIds()).containsExactly(sha);
    }

    @ParameterizedTest(name = "bad {0} [{1}]")
    @CsvSource(delimiter = '|', value = {
            "email|not-an-email|one '@'",
            "email|a@b@c.com|one '@'",
            "email|a b@c.com|whitespace",
            "email|someone@localhost|needs a dot",
            "email|'a\u0000b@c.com'|control character",
            "phone|41998862934|no country code",
            "phone|+55 41 9988-CALL|only digits",
            "phone|+12345|8 to 15 digits",
            "phone|+1234567890123456|8 to 15 digits",
            "phone|+0123456789|never starts with 0",
            "external_id|'key\u0001zz9'|control character",
            "hashed_email|abc123|64 hexadecimal"})
    void invalidValuesNameTheFieldAndTheRuleButNotTheValue(String kind, String raw, String rule) {
        User.Builder user = User.builder();
        Runnable set = switch (kind) {
            case "email" -> () -> user.email(raw);
            case "phone" -> () -> user.phone(raw);
            case "external_id" -> () -> user.externalId(raw);
            default -> () -> user.hashedEmail(raw);
        };
        String field = kind.equals("hashed_email") ? "email" : kind;
        assertThatThrownBy(set::run).isInstanceOf(TikTokValidationException.class)
                .hasMessageStartingWith("user." + field + ":").hasMessageContaining(rule)
                .satisfies(e -> {
                    if (!raw.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(raw.trim());
                    }
                    assertThat(((TikTokValidationException) e).field()).isEqualTo("user." + field);
                });
    }

    @ParameterizedTest
    @CsvSource({"0", "1234", "abc", "+", "055"})
    void aBadDefaultCountryCodeIsRefused(String code) {
        assertThatThrownBy(() -> EventDefaults.standard().withDefaultPhoneCountryCode(code))
                .isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("defaultPhoneCountryCode:");
    }
}
