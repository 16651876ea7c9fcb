package io.github.tiktokevents.codegen;

/** What a spec property becomes in the facade: its Java type, its setters, its accessor and how it is written. */
enum FieldKind {
    STRING, INTEGER, LONG, NUMBER, BOOLEAN,
    /** An open value type generated from an {@code enum}. */
    ENUM,
    /** A nested facade object. */
    OBJECT,
    OBJECT_LIST,
    STRING_LIST,
    /** Personal data, one value: normalised and hashed by its setter. */
    PII,
    /** Personal data, one value or several (TikTok takes a string or an array). */
    PII_LIST,
    /** The event's time ({@code x-tiktok-time}). */
    TIME;

    boolean isList() {
        return this == OBJECT_LIST || this == STRING_LIST || this == PII_LIST;
    }
}
