package io.github.tiktokevents.internal.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Builders collect values (hashed emails, contents) that are almost always one or none. Keeping them as
 * immutable lists from the start costs one small object for the usual single value, and {@link List#copyOf}
 * at build time then copies nothing; an {@link ArrayList} would cost its backing array and a copy.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class SmallLists {
    private SmallLists() {
    }

    /**
     * {@code values} plus {@code value}: immutable while one value; from the second on, a list of the builder's own
     * that later values are added to in place (the built object takes a copy).
     */
    public static <T> List<T> append(List<T> values, T value) {
        if (values.isEmpty()) {
            return List.of(value);
        }
        if (values instanceof ArrayList) {
            values.add(value);
            return values;
        }
        List<T> grown = new ArrayList<>(values.size() + 4);
        grown.addAll(values);
        grown.add(value);
        return grown;
    }
}
