package io.github.tiktokevents.codegen;

import java.util.List;

/**
 * One property of the Events API 1.0 event and where the facade event fills it from.
 *
 * @param wireName the 1.0 JSON name
 * @param source the facade path that fills it ({@code user.phone}); null for a container object
 * @param absolute whether {@code source} starts at the event ({@code x-tiktok-from}) rather than at the facade
 *                 object the parent is filled from
 * @param sourceField the facade field at {@code source}, null for a container
 * @param sourceClass the facade class at {@code source} when it is an object or a list of objects, else null
 * @param children the properties of a 1.0 object (container, object or list item), else empty
 * @param moreItems for a list: further facade lists of strings whose values become items of one property each
 */
record PixelNode(String wireName, String source, boolean absolute, ModelField sourceField, ModelClass sourceClass,
                 List<PixelNode> children, List<ItemSource> moreItems) {

    /**
     * A facade list of strings whose every value is sent as an item with one property.
     *
     * @param source its path from the event
     * @param field the facade field
     * @param itemProperty the item property each value fills
     */
    record ItemSource(String source, ModelField field, String itemProperty) {
    }

    boolean isContainer() {
        return source == null;
    }
}
