package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.exception.TikTokValidationException;
import org.junit.jupiter.api.Test;

/** The public hashing helper gives exactly the digests the event model's setters store and send. */
class TikTokHashingTest {
    @Test
    void eachHelperMatchesItsSetter() {
        EventDefaults italy = EventDefaults.standard().withDefaultPhoneCountryCode("39");
        User user = User.builder(italy).email(" ALICE_abc@gmail.com ").phone("06 6982 1234").externalId(" User_123 ")
                .firstName(" Jane ").lastName("DOE").zipCode("SW1A 1AA").build();

        assertThat(TikTokHashing.email(" ALICE_abc@gmail.com "))
                .isEqualTo(NormalisationTest.ALICE).isEqualTo(user.hashedEmails().get(0));
        assertThat(TikTokHashing.phone("06 6982 1234", italy)).isEqualTo(user.hashedPhones().get(0));
        assertThat(TikTokHashing.phone("(+1)2133734253")).isEqualTo(NormalisationTest.US_PHONE);
        assertThat(TikTokHashing.externalId(" User_123 ")).isEqualTo(user.hashedExternalIds().get(0))
                .isEqualTo("e40649be2376c2d87395d79091b082b7313f8326a4d9c27da52dec8253eaca92");
        assertThat(TikTokHashing.name(" Jane ")).isEqualTo(user.hashedFirstName().orElseThrow());
        assertThat(TikTokHashing.name("DOE")).isEqualTo(user.hashedLastName().orElseThrow());
        assertThat(TikTokHashing.zipCode("SW1A 1AA")).isEqualTo(user.hashedZipCode().orElseThrow());
        assertThat(TikTokHashing.hash("1990-01-01", "text")).isEqualTo(
                User.builder().putAdditionalHashedField("date_of_birth", "1990-01-01", "text").build()
                        .additionalFields().get("date_of_birth"));
        assertThat(TikTokHashing.email(NormalisationTest.TEST_AT_TEST.toUpperCase())).isEqualTo(NormalisationTest.TEST_AT_TEST);
    }

    @Test
    void nothingToHashIsRefused() {
        assertThatThrownBy(() -> TikTokHashing.email(null)).isInstanceOf(TikTokValidationException.class).hasMessage("email: is null");
        assertThatThrownBy(() -> TikTokHashing.externalId(" ")).isInstanceOf(TikTokValidationException.class).hasMessage("external_id: is blank");
        assertThatThrownBy(() -> TikTokHashing.phone("06 6982 1234")).isInstanceOf(TikTokValidationException.class)
                .hasMessageContaining("no country code");
        assertThatThrownBy(() -> TikTokHashing.hash("x", "nope")).isInstanceOf(TikTokValidationException.class)
                .hasMessageContaining("normalisation rule");
    }
}
