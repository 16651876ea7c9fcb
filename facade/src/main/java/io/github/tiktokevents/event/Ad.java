package io.github.tiktokevents.event;

import java.util.Optional;

/**
 * Ad attribution for {@link EventSource#APP} events (Events API 2.0 {@code ad}). Immutable.
 *
 * <pre>{@code
 * Ad ad = Ad.builder().campaignId("1760000000000001").attributed(true).attributeProvider("AppsFlyer").build();
 * }</pre>
 */
public final class Ad {
    // package-private: EventJson reads the fields directly, without the Optional each accessor makes
    final String callback;
    final String campaignId;
    final String adId;
    final String creativeId;
    final Boolean retargeting;
    final Boolean attributed;
    final String attributeType;
    final String attributeProvider;

    private Ad(Builder b) {
        this.callback = b.callback;
        this.campaignId = b.campaignId;
        this.adId = b.adId;
        this.creativeId = b.creativeId;
        this.retargeting = b.retargeting;
        this.attributed = b.attributed;
        this.attributeType = b.attributeType;
        this.attributeProvider = b.attributeProvider;
    }

    /**
     * Starts an empty ad attribution.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the ad click callback (click id), if given */
    public Optional<String> callback() {
        return Optional.ofNullable(callback);
    }

    /** @return the campaign id, if given */
    public Optional<String> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    /** @return the ad id, if given */
    public Optional<String> adId() {
        return Optional.ofNullable(adId);
    }

    /** @return the creative id, if given */
    public Optional<String> creativeId() {
        return Optional.ofNullable(creativeId);
    }

    /** @return whether the event comes from a retargeting campaign, if given */
    public Optional<Boolean> retargeting() {
        return Optional.ofNullable(retargeting);
    }

    /** @return whether the event was attributed to TikTok, if given */
    public Optional<Boolean> attributed() {
        return Optional.ofNullable(attributed);
    }

    /** @return the attribution type, if given */
    public Optional<String> attributeType() {
        return Optional.ofNullable(attributeType);
    }

    /** @return the measurement partner that attributed the event, if given */
    public Optional<String> attributeProvider() {
        return Optional.ofNullable(attributeProvider);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "Ad{campaignId=" + campaignId + ", adId=" + adId + ", creativeId=" + creativeId
                + ", attributed=" + attributed + '}';
    }

    /** Builds an {@link Ad}; every field is optional. Not thread-safe. */
    public static final class Builder {
        private String callback;
        private String campaignId;
        private String adId;
        private String creativeId;
        private Boolean retargeting;
        private Boolean attributed;
        private String attributeType;
        private String attributeProvider;

        private Builder() {
        }

        /**
         * Sets the ad click callback (click id).
         *
         * @param value the ad click callback (click id)
         * @return this builder
         */
        public Builder callback(String value) {
            this.callback = value;
            return this;
        }

        /**
         * Sets the campaign id.
         *
         * @param value the campaign id
         * @return this builder
         */
        public Builder campaignId(String value) {
            this.campaignId = value;
            return this;
        }

        /**
         * Sets the ad id.
         *
         * @param value the ad id
         * @return this builder
         */
        public Builder adId(String value) {
            this.adId = value;
            return this;
        }

        /**
         * Sets the creative id.
         *
         * @param value the creative id
         * @return this builder
         */
        public Builder creativeId(String value) {
            this.creativeId = value;
            return this;
        }

        /**
         * Sets whether the event comes from a retargeting campaign.
         *
         * @param value whether the event comes from a retargeting campaign
         * @return this builder
         */
        public Builder retargeting(boolean value) {
            this.retargeting = value;
            return this;
        }

        /**
         * Sets whether the event was attributed to TikTok.
         *
         * @param value whether the event was attributed to TikTok
         * @return this builder
         */
        public Builder attributed(boolean value) {
            this.attributed = value;
            return this;
        }

        /**
         * Sets the attribution type, e.g. {@code click}.
         *
         * @param value the attribution type, e.g. {@code click}
         * @return this builder
         */
        public Builder attributeType(String value) {
            this.attributeType = value;
            return this;
        }

        /**
         * Sets the measurement partner, e.g. {@code AppsFlyer}.
         *
         * @param value the measurement partner, e.g. {@code AppsFlyer}
         * @return this builder
         */
        public Builder attributeProvider(String value) {
            this.attributeProvider = value;
            return this;
        }

        /** @return the ad attribution */
        public Ad build() {
            return new Ad(this);
        }
    }
}
