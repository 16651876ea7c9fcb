package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.model.SmallLists;
import io.github.tiktokevents.internal.pii.PiiNormalizer;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who did it. Email, phone and external id are normalised and SHA-256 hashed <em>as they are set</em>, so neither
 * the builder nor the {@code User} ever holds the raw value; a value that already is 64 hex characters is taken
 * as a digest. {@code ip}, {@code user_agent}, {@code ttp}, {@code ttclid} and {@code locale} are sent as given.
 * Events API 2.0 takes several emails, phones and external ids; 1.0 takes the first of each. Immutable;
 * {@link #toString()} shows only which fields are present.
 *
 * <pre>{@code
 * User user = User.builder()
 *         .email(" Test@Test.com ")            // sent as sha256("test@test.com")
 *         .phone("+55 41 99886-2934")          // sent as sha256("+5541998862934")
 *         .hashedExternalId(sha256OfMyUserId)  // explicit: must be 64 hex characters
 *         .ip("13.57.97.131").userAgent(request.getHeader("User-Agent"))
 *         .build();
 * }</pre>
 */
public final class User {
    // package-private: EventJson reads the fields directly, without the Optional each accessor makes
    final List<String> emails;
    final List<String> phones;
    final List<String> externalIds;
    final String ttp;
    final String ttclid;
    final String ip;
    final String userAgent;
    final String locale;
    final String idfa;
    final String idfv;
    final String gaid;

    private User(Builder b) {
        this.emails = List.copyOf(b.emails);
        this.phones = List.copyOf(b.phones);
        this.externalIds = List.copyOf(b.externalIds);
        this.ttp = b.ttp;
        this.ttclid = b.ttclid;
        this.ip = b.ip;
        this.userAgent = b.userAgent;
        this.locale = b.locale;
        this.idfa = b.idfa;
        this.idfv = b.idfv;
        this.gaid = b.gaid;
    }

    /**
     * Starts a user with {@link EventDefaults#standard()}: phone numbers must carry their country code.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder(EventDefaults.standard());
    }

    /**
     * Starts a user whose phone numbers without a country code get the defaults' one.
     *
     * @param defaults the defaults
     * @return a builder
     */
    public static Builder builder(EventDefaults defaults) {
        return new Builder(Objects.requireNonNull(defaults, "defaults"));
    }

    /** @return SHA-256 hex digests of the emails, possibly empty */
    public List<String> hashedEmails() {
        return emails;
    }

    /** @return SHA-256 hex digests of the phone numbers in E.164, possibly empty */
    public List<String> hashedPhones() {
        return phones;
    }

    /** @return SHA-256 hex digests of the external ids, possibly empty */
    public List<String> hashedExternalIds() {
        return externalIds;
    }

    /** @return the {@code _ttp} cookie value, if given */
    public Optional<String> ttp() {
        return Optional.ofNullable(ttp);
    }

    /** @return the TikTok click id, if given */
    public Optional<String> ttclid() {
        return Optional.ofNullable(ttclid);
    }

    /** @return the public IP address, if given */
    public Optional<String> ip() {
        return Optional.ofNullable(ip);
    }

    /** @return the user agent, if given */
    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /** @return the BCP 47 locale, if given */
    public Optional<String> locale() {
        return Optional.ofNullable(locale);
    }

    /** @return the iOS advertising id (Events API 2.0 app events), if given */
    public Optional<String> idfa() {
        return Optional.ofNullable(idfa);
    }

    /** @return the iOS vendor id (Events API 2.0 app events), if given */
    public Optional<String> idfv() {
        return Optional.ofNullable(idfv);
    }

    /** @return the Android advertising id (Events API 2.0 app events), if given */
    public Optional<String> gaid() {
        return Optional.ofNullable(gaid);
    }

    /** Shows how many identifiers of each kind are present, never a value. */
    @Override
    public String toString() {
        return "User{emails=" + emails.size() + ", phones=" + phones.size() + ", externalIds=" + externalIds.size()
                + present("ttp", ttp) + present("ttclid", ttclid) + present("ip", ip) + present("userAgent", userAgent)
                + present("locale", locale) + present("idfa", idfa) + present("idfv", idfv) + present("gaid", gaid) + '}';
    }

    private static String present(String name, String value) {
        return value == null ? "" : ", " + name + "=<set>";
    }

    /**
     * Builds a {@link User}. Personal values are normalised and hashed by the setter, so a bad value fails there,
     * with a {@link TikTokValidationException} naming the field but never the value. Not thread-safe.
     */
    public static final class Builder {
        private final EventDefaults defaults;
        // immutable until a second value arrives: most users have one of each, and List.copyOf then copies nothing
        private List<String> emails = List.of();
        private List<String> phones = List.of();
        private List<String> externalIds = List.of();
        private String ttp;
        private String ttclid;
        private String ip;
        private String userAgent;
        private String locale;
        private String idfa;
        private String idfv;
        private String gaid;

        private Builder(EventDefaults defaults) {
            this.defaults = defaults;
        }

        /**
         * Adds an email: trimmed, lowercased and hashed; 64 hex characters pass through lowercased.
         *
         * @param email the email address
         * @return this builder
         * @throws TikTokValidationException if it is not an email address
         */
        public Builder email(String email) {
            emails = SmallLists.append(emails, PiiNormalizer.email(email, "user.email"));
            return this;
        }

        /**
         * Adds several emails, as {@link #email(String)} does.
         *
         * @param values the email addresses
         * @return this builder
         */
        public Builder emails(Collection<String> values) {
            values.forEach(this::email);
            return this;
        }

        /**
         * Adds an email you hashed yourself (SHA-256 of the trimmed, lowercased address).
         *
         * @param sha256Hex 64 hex characters
         * @return this builder
         * @throws TikTokValidationException if it is not 64 hex characters
         */
        public Builder hashedEmail(String sha256Hex) {
            emails = SmallLists.append(emails, PiiNormalizer.alreadyHashed(sha256Hex, "user.email"));
            return this;
        }

        /**
         * Adds a phone number: put in E.164 and hashed. Numbers without {@code +} or {@code 00} get the default
         * country code of the {@link EventDefaults}, and are refused when there is none.
         *
         * @param phone the phone number
         * @return this builder
         * @throws TikTokValidationException if it is not a phone number or has no known country code
         */
        public Builder phone(String phone) {
            phones = SmallLists.append(phones, PiiNormalizer.phone(phone, "user.phone", defaults.phoneCountryCodeOrNull()));
            return this;
        }

        /**
         * Adds several phone numbers, as {@link #phone(String)} does.
         *
         * @param values the phone numbers
         * @return this builder
         */
        public Builder phones(Collection<String> values) {
            values.forEach(this::phone);
            return this;
        }

        /**
         * Adds a phone number you hashed yourself (SHA-256 of the E.164 form, such as {@code +5541998862934}).
         *
         * @param sha256Hex 64 hex characters
         * @return this builder
         * @throws TikTokValidationException if it is not 64 hex characters
         */
        public Builder hashedPhone(String sha256Hex) {
            phones = SmallLists.append(phones, PiiNormalizer.alreadyHashed(sha256Hex, "user.phone"));
            return this;
        }

        /**
         * Adds your own id of the user: trimmed and hashed (case is kept); 64 hex characters pass through lowercased.
         *
         * @param externalId the id
         * @return this builder
         * @throws TikTokValidationException if it is blank
         */
        public Builder externalId(String externalId) {
            externalIds = SmallLists.append(externalIds, PiiNormalizer.externalId(externalId, "user.external_id"));
            return this;
        }

        /**
         * Adds several external ids, as {@link #externalId(String)} does.
         *
         * @param values the ids
         * @return this builder
         */
        public Builder externalIds(Collection<String> values) {
            values.forEach(this::externalId);
            return this;
        }

        /**
         * Adds an external id you hashed yourself (SHA-256 of the trimmed id).
         *
         * @param sha256Hex 64 hex characters
         * @return this builder
         * @throws TikTokValidationException if it is not 64 hex characters
         */
        public Builder hashedExternalId(String sha256Hex) {
            externalIds = SmallLists.append(externalIds, PiiNormalizer.alreadyHashed(sha256Hex, "user.external_id"));
            return this;
        }

        /**
         * Sets the {@code _ttp} cookie value (web); not hashed.
         *
         * @param value the {@code _ttp} cookie value (web); not hashed
         * @return this builder
         */
        public Builder ttp(String value) {
            this.ttp = value;
            return this;
        }

        /**
         * Sets the TikTok click id from the {@code ttclid} URL parameter (web); not hashed.
         *
         * @param value the TikTok click id from the {@code ttclid} URL parameter (web); not hashed
         * @return this builder
         */
        public Builder ttclid(String value) {
            this.ttclid = value;
            return this;
        }

        /**
         * Sets the public IPv4 or IPv6 address; never hashed.
         *
         * @param value the public IPv4 or IPv6 address; never hashed
         * @return this builder
         */
        public Builder ip(String value) {
            this.ip = value;
            return this;
        }

        /**
         * Sets the browser user agent; not hashed.
         *
         * @param value the browser user agent; not hashed
         * @return this builder
         */
        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        /**
         * Sets the BCP 47 locale, such as {@code pt-BR}; not hashed.
         *
         * @param value the BCP 47 locale, such as {@code pt-BR}; not hashed
         * @return this builder
         */
        public Builder locale(String value) {
            this.locale = value;
            return this;
        }

        /**
         * Sets the iOS advertising id (app events, Events API 2.0), sent as given.
         *
         * @param value the iOS advertising id (app events, Events API 2.0), sent as given
         * @return this builder
         */
        public Builder idfa(String value) {
            this.idfa = value;
            return this;
        }

        /**
         * Sets the iOS vendor id (app events, Events API 2.0).
         *
         * @param value the iOS vendor id (app events, Events API 2.0)
         * @return this builder
         */
        public Builder idfv(String value) {
            this.idfv = value;
            return this;
        }

        /**
         * Sets the Android advertising id (app events, Events API 2.0), sent as given.
         *
         * @param value the Android advertising id (app events, Events API 2.0), sent as given
         * @return this builder
         */
        public Builder gaid(String value) {
            this.gaid = value;
            return this;
        }

        /** @return the user */
        public User build() {
            return new User(this);
        }
    }
}
