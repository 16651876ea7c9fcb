package io.github.tiktokevents.codegen;

/**
 * Writes an open value type: a final class with one constant per listed value and {@code of(String)} for values this
 * version does not know, so a new value from TikTok never needs a new SDK and adding one never breaks a caller's
 * compile (there is no exhaustive {@code switch} over a class).
 */
final class OpenEnumEmitter {
    private OpenEnumEmitter() {
    }

    static String emit(FacadeModel model, OpenEnum type, String packageName) {
        String name = type.javaName();
        JavaFile out = new JavaFile(model.specName(), name, packageName);
        out.line("import io.github.tiktokevents.exception.TikTokValidationException;");
        out.line("import java.util.List;");
        out.line("import java.util.Map;");
        out.line("import javax.annotation.processing.Generated;");
        out.line("");
        out.javadoc(JavaNames.javadoc(type.description()),
                "<p>An open set: the constants are the values the spec lists; {@link #of(String)} makes any other\n"
                        + "value TikTok accepts, such as one added after this version. Compare with {@code equals}.",
                "<pre>{@code\n" + name + " known = " + name + "." + JavaNames.constant(type.values().get(0)) + ";\n"
                        + name + " newer = " + name + ".of(\"" + type.values().get(0) + "\");  // equal to " + name + "."
                        + JavaNames.constant(type.values().get(0)) + "\n}</pre>");
        out.generatedAnnotation(model.specName(), null);
        out.open("public final class %s {", name);
        for (String value : type.values()) {
            out.line("/** The value {@code %s}. */", value);
            out.line("public static final %s %s = new %s(%s);", name, JavaNames.constant(value), name, JavaNames.literal(value));
        }
        out.line("");
        StringBuilder known = new StringBuilder();
        for (String value : type.values()) {
            known.append(known.length() == 0 ? "" : ", ").append(JavaNames.constant(value));
        }
        out.line("private static final List<%s> KNOWN = List.of(%s);", name, known);
        out.line("private static final Map<String, %s> BY_VALUE = Map.copyOf(KNOWN.stream()", name);
        out.line("        .collect(java.util.stream.Collectors.toMap(%s::wireValue, v -> v)));", name);
        out.line("");
        out.line("private final String value;");
        out.line("");
        out.open("private %s(String value) {", name);
        out.line("this.value = value;");
        out.close("}");
        out.line("");
        out.javadoc("The value with this wire form: a constant when the spec lists it, otherwise a new value.",
                "@param value the value TikTok expects, such as {@code " + type.values().get(0) + "}; surrounding white space is dropped\n"
                        + "@return the value\n@throws TikTokValidationException if it is null or blank");
        out.open("public static %s of(String value) {", name);
        out.open("if (value == null || value.isBlank()) {");
        out.line("throw new TikTokValidationException(%s, \"is blank\");", JavaNames.literal(name));
        out.close("}");
        out.line("String trimmed = value.trim();");
        out.line("%s known = BY_VALUE.get(trimmed);", name);
        out.line("return known != null ? known : new %s(trimmed);", name);
        out.close("}");
        out.line("");
        out.javadoc("The values this version of the spec lists, in its order.", "@return the listed values");
        out.open("public static List<%s> knownValues() {", name);
        out.line("return KNOWN;");
        out.close("}");
        out.line("");
        out.javadoc("Whether the spec this SDK was built from lists this value.", "@return true for the listed values");
        out.open("public boolean isKnown() {");
        out.line("return BY_VALUE.get(value) == this;");
        out.close("}");
        out.line("");
        out.javadoc("The value as TikTok expects it on the wire.", "@return the wire value");
        out.open("public String wireValue() {");
        out.line("return value;");
        out.close("}");
        out.line("");
        out.line("/** Equal when the wire values are equal. */");
        out.line("@Override");
        out.open("public boolean equals(Object other) {");
        out.line("return other == this || (other instanceof %s && value.equals(((%s) other).value));", name, name);
        out.close("}");
        out.line("");
        out.line("/** {@inheritDoc} */");
        out.line("@Override");
        out.open("public int hashCode() {");
        out.line("return value.hashCode();");
        out.close("}");
        out.line("");
        out.line("/** @return the wire value */");
        out.line("@Override");
        out.open("public String toString() {");
        out.line("return value;");
        out.close("}");
        out.close("}");
        return out.toString();
    }
}
