package io.github.tiktokevents.internal.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the normalisers over arbitrary input: they return a digest or throw the documented validation
 * error and nothing else; a digest fed back comes out unchanged; and no message carries the raw value.
 */
class NormaliserPropertiesTest {
    private static final EventDefaults NO_COUNTRY = EventDefaults.standard();
    private static final EventDefaults BRAZIL = EventDefaults.standard().withDefaultPhoneCountryCode("55");
    private static final BiFunction<String, String, String> EMAIL =
            (v, f) -> PersonalData.hash(Normalizers.named("email"), v, f, NO_COUNTRY);
    private static final BiFunction<String, String, String> PHONE_NO_DEFAULT =
            (v, f) -> PersonalData.hash(Normalizers.named("phone"), v, f, NO_COUNTRY);
    private static final BiFunction<String, String, String> PHONE_BR =
            (v, f) -> PersonalData.hash(Normalizers.named("phone"), v, f, BRAZIL);
    private static final BiFunction<String, String, String> EXTERNAL_ID =
            (v, f) -> PersonalData.hash(Normalizers.named("external-id"), v, f, NO_COUNTRY);

    @Provide
    Arbitrary<String> anything() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(40),
                Arbitraries.strings().withChars("0123456789+-() .@abcXYZ\t").ofMaxLength(24),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofLength(64));
    }

    @Property
    void normalisersReturnADigestOrThrowOnlyTheValidationError(@ForAll("anything") String raw) {
        for (BiFunction<String, String, String> normaliser : new BiFunction[] {EMAIL, PHONE_NO_DEFAULT, PHONE_BR, EXTERNAL_ID}) {
            try {
                String digest = normaliser.apply(raw, "user.field");
                assertThat(Sha256.isHexDigest(digest)).isTrue();
                assertThat(digest).isLowerCase();
            } catch (TikTokValidationException e) {
                assertThat(e.field()).isEqualTo("user.field");
            }
        }
    }

    @Property
    void aDigestPassesThroughEveryNormaliserUnchanged(@ForAll("anything") String raw) {
        for (BiFunction<String, String, String> normaliser : new BiFunction[] {EMAIL, PHONE_NO_DEFAULT, PHONE_BR, EXTERNAL_ID}) {
            String digest;
            try {
                digest = normaliser.apply(raw, "user.field");
            } catch (TikTokValidationException invalid) {
                continue;
            }
            assertThat(normaliser.apply(digest, "user.field")).isEqualTo(digest);
            assertThat(PersonalData.digest(digest.toUpperCase(), "user.field")).isEqualTo(digest);
        }
    }

    @Property
    void noMessageContainsTheRawValue(@ForAll("anything") String raw) {
        String trimmed = raw.trim();
        for (BiFunction<String, String, String> normaliser : new BiFunction[] {EMAIL, PHONE_NO_DEFAULT, PHONE_BR, EXTERNAL_ID}) {
            try {
                normaliser.apply(raw, "user.field");
            } catch (TikTokValidationException e) {
                // Short values (a letter, a digit) can occur in any sentence by chance; the rule is about real values.
                if (trimmed.length() >= 4) {
                    assertThat(e.getMessage()).doesNotContain(trimmed);
                }
            }
        }
    }
}
