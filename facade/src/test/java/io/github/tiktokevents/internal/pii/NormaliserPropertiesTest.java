package io.github.tiktokevents.internal.pii;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Properties of the normalisers over arbitrary input, from a fixed seed (printed with any failure): they return a
 * digest, nothing (an absent value), or throw the documented validation error and nothing else; a digest fed back
 * comes out unchanged; and no message carries the raw value.
 */
class NormaliserPropertiesTest {
    private static final long SEED = 1_102_2026L;
    private static final int TRIES = 1_000;
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
    @SuppressWarnings("unchecked")
    private static final BiFunction<String, String, String>[] ALL = new BiFunction[] {EMAIL, PHONE_NO_DEFAULT, PHONE_BR, EXTERNAL_ID};

    /** Any text up to 40 characters, phone- and email-like text up to 24, or 64 hex characters, in equal parts. */
    static String anything(Random random) {
        switch (random.nextInt(3)) {
            case 0:
                return RandomText.anyChars(random, random.nextInt(41));
            case 1:
                return RandomText.from(random, "0123456789+-() .@abcXYZ\t", random.nextInt(25));
            default:
                return RandomText.from(random, "0123456789abcdefABCDEF", 64);
        }
    }

    @Test
    void normalisersReturnADigestNothingOrThrowOnlyTheValidationError() {
        forAll(raw -> {
            for (BiFunction<String, String, String> normaliser : ALL) {
                try {
                    String digest = normaliser.apply(raw, "user.field");
                    if (digest == null) {
                        assertThat(raw).isBlank(); // absent: null, empty or white space only
                    } else {
                        assertThat(Sha256.isHexDigest(digest)).isTrue();
                        assertThat(digest).isLowerCase();
                    }
                } catch (TikTokValidationException e) {
                    assertThat(e.field()).isEqualTo("user.field");
                }
            }
        });
    }

    @Test
    void aDigestPassesThroughEveryNormaliserUnchanged() {
        forAll(raw -> {
            for (BiFunction<String, String, String> normaliser : ALL) {
                String digest;
                try {
                    digest = normaliser.apply(raw, "user.field");
                } catch (TikTokValidationException invalid) {
                    continue;
                }
                if (digest == null) {
                    continue;
                }
                assertThat(normaliser.apply(digest, "user.field")).isEqualTo(digest);
                assertThat(PersonalData.digest(digest.toUpperCase(), "user.field")).isEqualTo(digest);
            }
        });
    }

    @Test
    void noMessageContainsTheRawValue() {
        forAll(raw -> {
            String trimmed = raw.trim();
            for (BiFunction<String, String, String> normaliser : ALL) {
                try {
                    normaliser.apply(raw, "user.field");
                } catch (TikTokValidationException e) {
                    // Short values (a letter, a digit) can occur in any sentence by chance; the rule is about real values.
                    if (trimmed.length() >= 4) {
                        assertThat(e.getMessage()).doesNotContain(trimmed);
                    }
                }
            }
        });
    }

    private static void forAll(Consumer<String> property) {
        Random random = new Random(SEED);
        for (int i = 0; i < TRIES; i++) {
            String raw = anything(random);
            try {
                property.accept(raw);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("failed for input #" + i + " " + raw.codePoints().boxed().toList()
                        + " (seed " + SEED + ")", e);
            }
        }
    }
}
