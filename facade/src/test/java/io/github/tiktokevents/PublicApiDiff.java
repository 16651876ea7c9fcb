package io.github.tiktokevents;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two texts of {@link PublicApiDump} type by type, so each difference names its type: a removed or added
 * type is one line, a changed member is shown under the type it belongs to.
 */
final class PublicApiDiff {
    private static final Pattern TYPE_NAME = Pattern.compile("io\\.github\\.tiktokevents\\.[\\w.$]+");

    private PublicApiDiff() {
    }

    /** The differences from {@code baseline} to {@code current}, one per line ({@code -} removed, {@code +} added). */
    static List<String> differences(String baseline, String current) {
        Map<String, Block> before = blocks(baseline);
        Map<String, Block> after = blocks(current);
        Set<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<String> out = new ArrayList<>();
        for (String name : names) {
            Block old = before.get(name);
            Block now = after.get(name);
            if (now == null) {
                out.add("- " + old.header + "   (type removed)");
            } else if (old == null) {
                out.add("+ " + now.header + "   (type added)");
            } else {
                compareMembers(old, now, out);
            }
        }
        return out;
    }

    private static void compareMembers(Block old, Block now, List<String> out) {
        List<String> changes = new ArrayList<>();
        if (!Objects.equals(old.header, now.header)) {
            changes.add("- " + old.header);
            changes.add("+ " + now.header);
        }
        old.members.stream().filter(m -> !now.members.contains(m)).forEach(m -> changes.add("-     " + m));
        now.members.stream().filter(m -> !old.members.contains(m)).forEach(m -> changes.add("+     " + m));
        if (!changes.isEmpty()) {
            out.add("  in " + now.header + ":");
            out.addAll(changes);
        }
    }

    private static Map<String, Block> blocks(String text) {
        Map<String, Block> blocks = new LinkedHashMap<>();
        Block current = null;
        for (String line : text.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("  ") && current != null) {
                current.members.add(line.strip());
            } else {
                current = new Block(line.strip());
                blocks.put(typeName(current.header), current);
            }
        }
        return blocks;
    }

    private static String typeName(String header) {
        Matcher matcher = TYPE_NAME.matcher(header);
        return matcher.find() ? matcher.group() : header;
    }

    private static final class Block {
        final String header;
        final Set<String> members = new TreeSet<>();

        Block(String header) {
            this.header = header;
        }
    }
}
