package io.github.tiktokevents.internal.rules;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the standard event names a custom name was probably meant to be: the same letters in another case or
 * spelling ({@code add_to_cart}), or one or two typing mistakes away ({@code Purchse}). Custom names are allowed, so
 * this only ever warns.
 */
final class EventNameCheck {
    /** The names each source knows (its own and the legacy ones), made once: checking runs on every build. */
    private static final Map<String, Set<String>> KNOWN = known();
    private static final Set<String> KNOWN_ELSEWHERE = KNOWN.getOrDefault("web", Set.of());

    private EventNameCheck() {
    }

    static Optional<RuleFinding> check(String source, String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Set<String> known = KNOWN.getOrDefault(source, KNOWN_ELSEWHERE);
        if (known.contains(name)) {
            return Optional.empty();
        }
        String folded = fold(name);
        int allowed = Math.min(2, folded.length() / 4);
        int best = Integer.MAX_VALUE;
        List<String> closest = new ArrayList<>();
        for (String standard : known) {
            int distance = distance(folded, fold(standard));
            if (distance > allowed || distance > best) {
                continue;
            }
            if (distance < best) {
                best = distance;
                closest.clear();
            }
            closest.add(standard);
        }
        if (closest.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RuleFinding.warning("event", "\"" + name + "\" is not a standard " + source
                + " event name (names are case-sensitive): did you mean " + String.join("/", closest)
                + "? TikTok counts a custom name apart from the standard one"));
    }

    private static Map<String, Set<String>> known() {
        List<String> legacy = SpecRules.STANDARD_EVENT_NAMES.getOrDefault("legacy", List.of());
        Map<String, Set<String>> bySource = new HashMap<>();
        SpecRules.STANDARD_EVENT_NAMES.forEach((source, names) -> {
            Set<String> all = new LinkedHashSet<>(names);
            all.addAll(legacy);
            bySource.put(source, Collections.unmodifiableSet(all));
        });
        return Map.copyOf(bySource);
    }

    /** Letters and digits only, lower-cased: {@code add_to_cart} and {@code AddToCart} fold alike. */
    private static String fold(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
    private static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
