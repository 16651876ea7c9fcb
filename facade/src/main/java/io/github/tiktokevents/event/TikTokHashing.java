package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.pii.Normalizers;
import io.github.tiktokevents.internal.pii.PersonalData;
import java.util.Objects;

/**
 * The SHA-256 digests the SDK sends for personal data, for tests that check what an application sent (against the
 * emulator, for instance) and for systems that must hash the same way. Each method normalises exactly as the event
 * model's setter of that field does (same code), then hashes: lowercase hex, 64 characters. A value that already is
 * 64 hex characters is returned lowercased, as the setters pass it through.
 *
 * <pre>{@code
 * assertThat(purchase.at("/user/email")).hasValue(TikTokHashing.email(" Jane@Example.com "));
 * String phone = TikTokHashing.phone("06 6982 1234", EventDefaults.standard().withDefaultPhoneCountryCode("39"));
 * }</pre>
 *
 * <p>Unlike the setters, which take null or blank as "absent", these methods have nothing to return for such a value
 * and refuse it.
 */
public final class TikTokHashing {
    private TikTokHashing() {
    }

    /**
     * The digest of an email address ({@code user.email}): trimmed and lower-cased.
     *
     * @param email the address
     * @return the digest
     * @throws TikTokValidationException if it is null, blank or not an address
     */
    public static String email(String email) {
        return hash("email", email, "email", EventDefaults.standard());
    }

    /**
     * The digest of a phone number in international form ({@code +} or {@code 00} and the country code).
     *
     * @param phone the number
     * @return the digest of its E.164 form
     * @throws TikTokValidationException if it is null, blank, not a phone number or has no country code
     */
    public static String phone(String phone) {
        return phone(phone, EventDefaults.standard());
    }

    /**
     * The digest of a phone number, read in the default country of {@code defaults} when it has no country code
     * (as {@code User.builder(defaults).phone(...)} does).
     *
     * @param phone the number
     * @param defaults the defaults, with the default phone country code if national numbers are expected
     * @return the digest of its E.164 form
     * @throws TikTokValidationException if it is null, blank, not a phone number or has no country code and the
     *         defaults have none
     * @throws NullPointerException if {@code defaults} is null
     */
    public static String phone(String phone, EventDefaults defaults) {
        return hash("phone", phone, "phone", Objects.requireNonNull(defaults, "defaults"));
    }

    /**
     * The digest of an external id ({@code user.external_id}): trimmed, case kept.
     *
     * @param externalId the id
     * @return the digest
     * @throws TikTokValidationException if it is null or blank
     */
    public static String externalId(String externalId) {
        return hash("external-id", externalId, "external_id", EventDefaults.standard());
    }

    /**
     * The digest of a first or last name ({@code user.first_name}, {@code user.last_name}): trimmed and lower-cased.
     *
     * @param name the name
     * @return the digest
     * @throws TikTokValidationException if it is null or blank
     */
    public static String name(String name) {
        return hash("name", name, "name", EventDefaults.standard());
    }

    /**
     * The digest of a postal code ({@code user.zip_code}): white space removed, lower-cased.
     *
     * @param zipCode the code
     * @return the digest
     * @throws TikTokValidationException if it is null or blank
     */
    public static String zipCode(String zipCode) {
        return hash("zip", zipCode, "zip_code", EventDefaults.standard());
    }

    /**
     * The digest of a value under one of the spec's normalisation rules, as
     * {@code putAdditionalHashedField(name, value, rule)} hashes it.
     *
     * @param value the value
     * @param rule the rule: {@code email}, {@code phone}, {@code external-id}, {@code name}, {@code zip} or {@code text}
     * @return the digest
     * @throws TikTokValidationException if the rule is unknown, or the value null, blank or breaking the rule
     */
    public static String hash(String value, String rule) {
        return hash(rule == null ? null : rule.trim(), value, "value", EventDefaults.standard());
    }

    /**
     * Hashes by a rule the spec names ({@code x-tiktok-pii} kinds, resolved by the same registry the generated
     * setters use); {@code field} only labels an error, after the argument's meaning (the user field it stands for).
     */
    private static String hash(String rule, String value, String field, EventDefaults defaults) {
        String digest = PersonalData.hash(Normalizers.require(rule, field), value, field, defaults);
        if (digest == null) {
            throw new TikTokValidationException(field, value == null ? "is null" : "is blank");
        }
        return digest;
    }
}
