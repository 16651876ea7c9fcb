package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.model.SmallLists;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What an event was about: the items, their value and currency, search terms. Immutable.
 *
 * <pre>{@code
 * Properties properties = Properties.builder()
 *         .currency("BRL").value(99.80)
 *         .addContent(Content.builder().contentType(ContentType.PRODUCT).contentId("sku-1").price(49.90).quantity(2).build())
 *         .build();
 * }</pre>
 */
public final class Properties {
    // package-private: EventJson reads the fields directly, without the Optional each accessor makes
    final String currency;
    /** NaN when absent: amounts are checked finite, so NaN cannot be a real value, and no Double is boxed. */
    final double value;
    final String description;
    final String query;
    final String searchString;
    final String orderId;
    final String shopId;
    final Integer numItems;
    final double predictedLtv;
    final List<String> contentIds;
    final List<Content> contents;

    private Properties(Builder b) {
        this.currency = b.currency;
        this.value = b.value;
        this.description = b.description;
        this.query = b.query;
        this.searchString = b.searchString;
        this.orderId = b.orderId;
        this.shopId = b.shopId;
        this.numItems = b.numItems;
        this.predictedLtv = b.predictedLtv;
        this.contentIds = List.copyOf(b.contentIds);
        this.contents = List.copyOf(b.contents);
    }

    /**
     * Starts empty properties.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** An amount field as the accessors show it: empty when it was not set (NaN). */
    static Optional<Double> amount(double amount) {
        return Double.isNaN(amount) ? Optional.empty() : Optional.of(amount);
    }

    static double checkAmount(double amount, String field) {
        if (Double.isNaN(amount) || Double.isInfinite(amount)) {
            throw new TikTokValidationException(field, "is not a finite number");
        }
        if (amount < 0) {
            throw new TikTokValidationException(field, "is negative");
        }
        return amount;
    }

    /** @return the ISO 4217 currency code of value and prices, if given */
    public Optional<String> currency() {
        return Optional.ofNullable(currency);
    }

    /** @return the order total, if given */
    public Optional<Double> value() {
        return amount(value);
    }

    /** @return the description, if given */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** @return the search query or coupon code, if given */
    public Optional<String> query() {
        return Optional.ofNullable(query);
    }

    /** @return the text searched for (Events API 2.0 only), if given */
    public Optional<String> searchString() {
        return Optional.ofNullable(searchString);
    }

    /** @return the order id (Events API 2.0 only), if given */
    public Optional<String> orderId() {
        return Optional.ofNullable(orderId);
    }

    /** @return the shop id (Events API 2.0 only), if given */
    public Optional<String> shopId() {
        return Optional.ofNullable(shopId);
    }

    /** @return the number of items (Events API 2.0 only), if given */
    public Optional<Integer> numItems() {
        return Optional.ofNullable(numItems);
    }

    /** @return the predicted lifetime value (Events API 2.0 only), if given */
    public Optional<Double> predictedLtv() {
        return amount(predictedLtv);
    }

    /** @return the item ids (Events API 2.0 only; not together with contents), possibly empty */
    public List<String> contentIds() {
        return contentIds;
    }

    /** @return the items, possibly empty */
    public List<Content> contents() {
        return contents;
    }

    /**
     * The content type shared by every item, which Events API 2.0 also gets on {@code properties}.
     *
     * @return the type when there are items and all of them declare the same one
     */
    public Optional<ContentType> commonContentType() {
        return Optional.ofNullable(commonContentTypeOrNull());
    }

    /** The type every content shares, or null when there is none, some have none, or they differ. */
    ContentType commonContentTypeOrNull() {
        ContentType common = null;
        for (Content content : contents) {
            ContentType type = content.contentType;
            if (type == null || (common != null && common != type)) {
                return null;
            }
            common = type;
        }
        return common;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "Properties{currency=" + currency + ", value=" + value().map(String::valueOf).orElse("null") + ", contents=" + contents.size()
                + ", contentIds=" + contentIds.size() + '}';
    }

    /** Builds {@link Properties}; every field is optional. Not thread-safe. */
    public static final class Builder {
        private String currency;
        private double value = Double.NaN;
        private String description;
        private String query;
        private String searchString;
        private String orderId;
        private String shopId;
        private Integer numItems;
        private double predictedLtv = Double.NaN;
        private List<String> contentIds = List.of();
        private List<Content> contents = List.of();

        private Builder() {
        }

        /**
         * @param code an ISO 4217 code such as {@code BRL}; lowercase is accepted and uppercased
         * @return this builder
         * @throws TikTokValidationException if the code is not three letters
         */
        public Builder currency(String code) {
            String upper = code == null ? "" : code.trim().toUpperCase(Locale.ROOT);
            boolean valid = upper.length() == 3;
            for (int i = 0; valid && i < 3; i++) {
                valid = upper.charAt(i) >= 'A' && upper.charAt(i) <= 'Z';
            }
            if (!valid) {
                throw new TikTokValidationException("properties.currency", "is not an ISO 4217 code (three letters, e.g. USD)");
            }
            this.currency = upper;
            return this;
        }

        /**
         * @param amount the order total, finite and not negative
         * @return this builder
         * @throws TikTokValidationException if the amount is negative, infinite or NaN
         */
        public Builder value(double amount) {
            this.value = checkAmount(amount, "properties.value");
            return this;
        }

        /**
         * Sets a description of the item or page.
         *
         * @param text a description of the item or page
         * @return this builder
         */
        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /**
         * Sets a search query or coupon code.
         *
         * @param text a search query or coupon code
         * @return this builder
         */
        public Builder query(String text) {
            this.query = text;
            return this;
        }

        /**
         * Sets the text searched for (Events API 2.0).
         *
         * @param text the text searched for (Events API 2.0)
         * @return this builder
         */
        public Builder searchString(String text) {
            this.searchString = text;
            return this;
        }

        /**
         * Sets the order id (Events API 2.0).
         *
         * @param id the order id (Events API 2.0)
         * @return this builder
         */
        public Builder orderId(String id) {
            this.orderId = id;
            return this;
        }

        /**
         * Sets the shop id (Events API 2.0).
         *
         * @param id the shop id (Events API 2.0)
         * @return this builder
         */
        public Builder shopId(String id) {
            this.shopId = id;
            return this;
        }

        /**
         * @param count the number of items (Events API 2.0), not negative
         * @return this builder
         * @throws TikTokValidationException if the count is negative
         */
        public Builder numItems(int count) {
            if (count < 0) {
                throw new TikTokValidationException("properties.num_items", "is negative");
            }
            this.numItems = count;
            return this;
        }

        /**
         * @param amount the predicted lifetime value (Events API 2.0), finite and not negative
         * @return this builder
         * @throws TikTokValidationException if the amount is negative, infinite or NaN
         */
        public Builder predictedLtv(double amount) {
            this.predictedLtv = checkAmount(amount, "properties.predicted_ltv");
            return this;
        }

        /**
         * Sets item ids (Events API 2.0); TikTok wants these only when there are no contents.
         *
         * @param ids item ids (Events API 2.0); TikTok wants these only when there are no contents
         * @return this builder
         */
        public Builder contentIds(Collection<String> ids) {
            for (String id : ids) {
                contentIds = SmallLists.append(contentIds, Objects.requireNonNull(id, "content id"));
            }
            return this;
        }

        /**
         * Sets one more item.
         *
         * @param content one more item
         * @return this builder
         */
        public Builder addContent(Content content) {
            contents = SmallLists.append(contents, Objects.requireNonNull(content, "content"));
            return this;
        }

        /**
         * Sets more items.
         *
         * @param items more items
         * @return this builder
         */
        public Builder contents(Collection<Content> items) {
            items.forEach(this::addContent);
            return this;
        }

        /**
         * @return the properties
         * @throws TikTokValidationException if both contents and content ids are set
         */
        public Properties build() {
            if (!contents.isEmpty() && !contentIds.isEmpty()) {
                throw new TikTokValidationException("properties.content_ids", "must not be set together with properties.contents");
            }
            return new Properties(this);
        }
    }
}
