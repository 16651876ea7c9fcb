package io.github.tiktokevents.event;

/** What a {@link Content}'s {@code content_id} identifies. */
public enum ContentType {
    /** The id is a catalog SKU id. */
    PRODUCT("product"),
    /** The id is an item group id. */
    PRODUCT_GROUP("product_group");

    private final String wireValue;

    ContentType(String wireValue) {
        this.wireValue = wireValue;
    }

    /**
     * The value TikTok expects in {@code content_type}.
     *
     * @return {@code product} or {@code product_group}
     */
    public String wireValue() {
        return wireValue;
    }
}
