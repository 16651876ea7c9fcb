package io.github.tiktokevents.codegen;

import java.util.Locale;
import java.util.Set;

/** How spec names become Java names. */
final class JavaNames {
    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield");

    private JavaNames() {
    }

    /** {@code external_id} to {@code externalId}; a keyword gets a trailing underscore. */
    static String camel(String wireName) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : wireName.toCharArray()) {
            if (c == '_' || c == '-' || c == ' ' || c == '.') {
                upper = out.length() > 0;
            } else if (Character.isLetterOrDigit(c)) {
                out.append(upper ? Character.toUpperCase(c) : (out.length() == 0 ? Character.toLowerCase(c) : c));
                upper = false;
            }
        }
        if (out.length() == 0 || Character.isDigit(out.charAt(0))) {
            out.insert(0, 'f');
        }
        String name = out.toString();
        return KEYWORDS.contains(name) ? name + "_" : name;
    }

    /** {@code external_id} to {@code ExternalId}. */
    static String pascal(String wireName) {
        String camel = camel(wireName).replace("_", "");
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    /** {@code product_group} or {@code in-store} to {@code PRODUCT_GROUP} / {@code IN_STORE}. */
    static String constant(String value) {
        StringBuilder out = new StringBuilder();
        char previous = '_';
        for (char c : value.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 0x80) {
                if (Character.isUpperCase(c) && Character.isLowerCase(previous)) {
                    out.append('_');
                }
                out.append(Character.toUpperCase(c));
            } else if (out.length() > 0 && out.charAt(out.length() - 1) != '_') {
                out.append('_');
            }
            previous = c;
        }
        String name = out.toString().replaceAll("_+$", "");
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "V_" + name;
        }
        return name.toUpperCase(Locale.ROOT);
    }

    /** {@code contents} to {@code content}: the name of one element of a list property. */
    static String singular(String camel) {
        if (camel.endsWith("ies")) {
            return camel.substring(0, camel.length() - 3) + "y";
        }
        return camel.endsWith("s") && camel.length() > 1 ? camel.substring(0, camel.length() - 1) : camel;
    }

    /** {@code email} to {@code emails}. */
    static String plural(String camel) {
        return camel.endsWith("s") ? camel : camel + "s";
    }

    static String capitalise(String camel) {
        return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
    }

    /** A Java string literal. */
    static String literal(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /** Spec text made safe inside a Javadoc comment. */
    static String javadoc(String text) {
        if (text == null || text.isBlank()) {
            return "";
        }
        return text.strip().replace("*/", "*&#47;").replace("@", "{@literal @}").replace("<", "&lt;").replace(">", "&gt;")
                .replace("&", "&amp;").replace("&amp;lt;", "&lt;").replace("&amp;gt;", "&gt;").replace("&amp;#47;", "&#47;")
                .replaceAll("`([^`]*)`", "{@code $1}");
    }
}
