package io.github.tiktokevents.kafka.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One declarative mapping from TikTok field names to record field paths, parsed from a configuration list such as
 * {@code email=customer.email, phone=customer.phone}. The names allowed on the left depend on the object mapped.
 */
public final class FieldMapping {
    private final Map<String, FieldPath> paths;

    private FieldMapping(Map<String, FieldPath> paths) {
        this.paths = paths;
    }

    /**
     * Parses {@code name=path} entries.
     *
     * @param entries the configuration list's entries
     * @param allowed the TikTok names accepted on the left; empty accepts any name
     * @return the mapping, in the given order
     * @throws IllegalArgumentException naming the faulty entry (never a record's value)
     */
    public static FieldMapping parse(Collection<String> entries, Set<String> allowed) {
        Map<String, FieldPath> paths = new LinkedHashMap<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.indexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("'" + entry.trim() + "' is not name=field.path");
            }
            String name = entry.substring(0, equals).trim();
            if (!allowed.isEmpty() && !allowed.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not one of " + new TreeSet<>(allowed));
            }
            if (paths.put(name, FieldPath.of(entry.substring(equals + 1))) != null) {
                throw new IllegalArgumentException("'" + name + "' is mapped twice");
            }
        }
        return new FieldMapping(paths);
    }

    /** @return the TikTok names with their record paths, in configuration order */
    public Map<String, FieldPath> paths() {
        return paths;
    }

    /** @return whether nothing is mapped */
    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /**
     * Turns a mapping back into its configuration entries, for defaults.
     *
     * @param pairs name, path, name, path, ...
     * @return entries such as {@code email=user.email}
     */
    public static List<String> entries(String... pairs) {
        List<String> entries = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) {
            entries.add(pairs[i] + "=" + pairs[i + 1]);
        }
        return entries;
    }
}
