package io.github.tiktokevents.codegen;

/** The Java side of a spec property: its field type, its main setter's name and the names of its constants. */
final class JavaTypes {
    private JavaTypes() {
    }

    static String setterName(ModelField f) {
        return switch (f.kind()) {
            case OBJECT_LIST, STRING_LIST -> "add" + JavaNames.capitalise(JavaNames.singular(f.javaName()));
            default -> f.javaName();
        };
    }

    static String fieldType(ModelField f) {
        return switch (f.kind()) {
            case STRING, PII -> "String";
            case INTEGER -> "Integer";
            case LONG -> "Long";
            case NUMBER -> "double";
            case BOOLEAN -> "Boolean";
            case ENUM, OBJECT -> f.typeName();
            case OBJECT_LIST -> "List<" + f.typeName() + ">";
            case STRING_LIST, PII_LIST -> "List<String>";
            case TIME -> "EventTime";
        };
    }

    /** The field that keeps a number given as a {@code BigDecimal}, sent as given instead of the double. */
    static String exactName(ModelField f) {
        return f.javaName() + "Exact";
    }

    static String ruleConstant(ModelField f) {
        return JavaNames.constant(f.wireName()) + "_RULE";
    }

    static String patternConstant(ModelField f) {
        return JavaNames.constant(f.wireName()) + "_PATTERN";
    }
}
