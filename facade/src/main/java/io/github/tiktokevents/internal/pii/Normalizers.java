package io.github.tiktokevents.internal.pii;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The normalisation rules by the names the spec uses in {@code x-tiktok-pii} (and lists in
 * {@code info.x-tiktok-pii-kinds}). A new kind of personal data with a rule of its own is the one change here a spec
 * edit needs; a test checks every name the spec lists has a rule.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class Normalizers {
    private static final Map<String, Normalizer> BY_NAME = Map.of(
            "email", new EmailNormalizer(),
            "phone", new PhoneNormalizer(),
            "external-id", (trimmed, field, defaults) -> trimmed,
            "name", (trimmed, field, defaults) -> trimmed.toLowerCase(Locale.ROOT),
            "zip", new ZipNormalizer(),
            "text", (trimmed, field, defaults) -> trimmed.toLowerCase(Locale.ROOT));

    private Normalizers() {
    }

    /**
     * The rule a generated class names; the build checked the name against the spec's list.
     *
     * @param name the rule's name in the spec
     * @return the rule
     * @throws IllegalStateException if there is no such rule (a spec names a rule this SDK lacks)
     */
    public static Normalizer named(String name) {
        Normalizer rule = BY_NAME.get(name);
        if (rule == null) {
            throw new IllegalStateException("No normalisation rule '" + name + "' (x-tiktok-pii); known: " + names());
        }
        return rule;
    }

    /**
     * The rule a caller names for an additional field.
     *
     * @param name the rule's name, such as {@code text}
     * @param field the field it is for, for the error message
     * @return the rule
     * @throws TikTokValidationException if there is no such rule
     */
    public static Normalizer require(String name, String field) {
        Normalizer rule = name == null ? null : BY_NAME.get(name.trim());
        if (rule == null) {
            throw new TikTokValidationException(field, "names no known normalisation rule (use one of " + names() + ")");
        }
        return rule;
    }

    /**
     * The names of the rules.
     *
     * @return the names, in no particular order
     */
    public static Set<String> names() {
        return BY_NAME.keySet();
    }
}
