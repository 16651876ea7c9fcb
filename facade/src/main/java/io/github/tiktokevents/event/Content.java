package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Optional;

/**
 * One item an event is about (a {@code contents[]} entry). {@code content_type} lives here, on each item; on
 * Events API 2.0 the client also copies it to {@code properties.content_type} when all items agree. Immutable.
 *
 * <pre>{@code
 * Content shoe = Content.builder().contentType(ContentType.PRODUCT).contentId("sku-1").price(49.90).quantity(2).build();
 * }</pre>
 */
public final class Content {
    // package-private: EventJson reads the fields directly, without the Optional each accessor makes
    final String contentId;
    final ContentType contentType;
    final String contentName;
    final String contentCategory;
    final String brand;
    /** NaN when absent (see Properties#value). */
    final double price;
    final Integer quantity;

    private Content(Builder b) {
        this.contentId = b.contentId;
        this.contentType = b.contentType;
        this.contentName = b.contentName;
        this.contentCategory = b.contentCategory;
        this.brand = b.brand;
        this.price = b.price;
        this.quantity = b.quantity;
    }

    /**
     * Starts an item.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** @return the catalog SKU id or item group id, if given */
    public Optional<String> contentId() {
        return Optional.ofNullable(contentId);
    }

    /** @return what the id identifies, if given */
    public Optional<ContentType> contentType() {
        return Optional.ofNullable(contentType);
    }

    /** @return the item's name, if given */
    public Optional<String> contentName() {
        return Optional.ofNullable(contentName);
    }

    /** @return the item's category, if given */
    public Optional<String> contentCategory() {
        return Optional.ofNullable(contentCategory);
    }

    /** @return the item's brand, if given */
    public Optional<String> brand() {
        return Optional.ofNullable(brand);
    }

    /** @return the unit price, if given */
    public Optional<Double> price() {
        return Properties.amount(price);
    }

    /** @return the number of units, if given */
    public Optional<Integer> quantity() {
        return Optional.ofNullable(quantity);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "Content{contentId=" + contentId + ", contentType=" + contentType + ", price=" + price().map(String::valueOf).orElse("null")
                + ", quantity=" + quantity + '}';
    }

    /** Builds a {@link Content}; every field is optional. Not thread-safe. */
    public static final class Builder {
        private String contentId;
        private ContentType contentType;
        private String contentName;
        private String contentCategory;
        private String brand;
        private double price = Double.NaN;
        private Integer quantity;

        private Builder() {
        }

        /**
         * Sets the catalog SKU id ({@link ContentType#PRODUCT}) or item group id.
         *
         * @param value the catalog SKU id ({@link ContentType#PRODUCT}) or item group id
         * @return this builder
         */
        public Builder contentId(String value) {
            this.contentId = value;
            return this;
        }

        /**
         * Sets what {@code content_id} identifies.
         *
         * @param value what {@code content_id} identifies
         * @return this builder
         */
        public Builder contentType(ContentType value) {
            this.contentType = value;
            return this;
        }

        /**
         * Sets the item's name.
         *
         * @param value the item's name
         * @return this builder
         */
        public Builder contentName(String value) {
            this.contentName = value;
            return this;
        }

        /**
         * Sets the item's category.
         *
         * @param value the item's category
         * @return this builder
         */
        public Builder contentCategory(String value) {
            this.contentCategory = value;
            return this;
        }

        /**
         * Sets the item's brand.
         *
         * @param value the item's brand
         * @return this builder
         */
        public Builder brand(String value) {
            this.brand = value;
            return this;
        }

        /**
         * @param value the unit price, finite and not negative
         * @return this builder
         * @throws TikTokValidationException if the price is negative, infinite or NaN
         */
        public Builder price(double value) {
            this.price = Properties.checkAmount(value, "properties.contents[].price");
            return this;
        }

        /**
         * @param value the number of units, not negative
         * @return this builder
         * @throws TikTokValidationException if the quantity is negative
         */
        public Builder quantity(int value) {
            if (value < 0) {
                throw new TikTokValidationException("properties.contents[].quantity", "is negative");
            }
            this.quantity = value;
            return this;
        }

        /** @return the item */
        public Content build() {
            return new Content(this);
        }
    }
}
