package io.github.tiktokevents.codegen;

import java.util.List;

/**
 * Writes one facade object: an immutable class with an accessor per spec property, a {@link Object#toString()} that
 * shows which fields are set but no text value, and a builder with a setter per property. The setters apply the
 * spec's rules (personal data normalised and hashed, {@code pattern}, {@code minimum}); what the spec cannot say
 * lives in the hand-written classes the generated code calls.
 */
final class ModelClassEmitter {
    private final FacadeModel model;
    private final ModelClass type;
    private final JavaFile out;
    private final String name;

    private ModelClassEmitter(FacadeModel model, ModelClass type, String packageName) {
        this.model = model;
        this.type = type;
        this.name = type.javaName();
        this.out = new JavaFile(model.specName(), type.schemaName(), packageName);
    }

    static String emit(FacadeModel model, ModelClass type, String packageName) {
        return new ModelClassEmitter(model, type, packageName).emit();
    }

    private boolean needsDefaults() {
        return type.root() || type.hasPersonalData();
    }

    private String emit() {
        imports();
        classJavadoc();
        out.generatedAnnotation(model.specName(), type.schemaName());
        out.open("public final class %s {", name);
        if (type.root()) {
            out.line("static {");
            out.line("    // internals reach an event's request bytes through this door, not through a public method");
            out.line("    EventWire.install(new EventWriters.Access());");
            out.line("}");
            out.line("");
        }
        constants();
        fields();
        constructor();
        factories();
        accessors();
        equalsAndHashCode();
        toStringMethod();
        new BuilderEmitter(model, type, out).emit();
        out.close("}");
        return out.toString();
    }

    private void imports() {
        out.line("import io.github.tiktokevents.exception.TikTokValidationException;");
        if (type.root()) {
            out.line("import io.github.tiktokevents.internal.model.EventTime;");
            out.line("import io.github.tiktokevents.internal.model.TimestampCoercer;");
            out.line("import io.github.tiktokevents.internal.wire.EventWire;");
        }
        out.line("import io.github.tiktokevents.internal.model.AdditionalFields;");
        out.line("import io.github.tiktokevents.internal.model.SmallLists;");
        out.line("import io.github.tiktokevents.internal.model.ValuePattern;");
        out.line("import io.github.tiktokevents.internal.model.Values;");
        if (type.hasPersonalData()) {
            out.line("import io.github.tiktokevents.internal.pii.Normalizer;");
            out.line("import io.github.tiktokevents.internal.pii.Normalizers;");
            out.line("import io.github.tiktokevents.internal.pii.PersonalData;");
        }
        if (type.fields().stream().anyMatch(f -> f.kind() == FieldKind.NUMBER)) {
            out.line("import java.math.BigDecimal;");
        }
        out.line("import java.util.Collection;");
        out.line("import java.util.List;");
        out.line("import java.util.Map;");
        out.line("import java.util.Objects;");
        out.line("import java.util.Optional;");
        out.line("import java.util.StringJoiner;");
        if (type.root()) {
            out.line("import java.time.Instant;");
            out.line("import java.time.OffsetDateTime;");
            out.line("import java.time.ZonedDateTime;");
            out.line("import java.util.Date;");
        }
        out.line("import javax.annotation.processing.Generated;");
        out.line("");
    }

    private void classJavadoc() {
        String usage;
        if (type.root()) {
            usage = "<pre>{@code\nEvent event = Event.builder(EventNames.VIEW_CONTENT)\n        .eventId(\"123456789\")\n"
                    + "        .timestamp(\"2023-02-01T00:00:00-03:00\")\n"
                    + "        .user(User.builder().email(\"test@test.com\").ip(\"13.57.97.131\").build())\n"
                    + "        .page(Page.of(\"https://www.example.com\"))\n        .build();\n}</pre>";
        } else if (!type.ofArgs().isEmpty()) {
            usage = "<pre>{@code\n" + name + " value = " + name + ".of(" + exampleArgs() + ");\n}</pre>";
        } else {
            ModelField first = type.fields().get(0);
            usage = "<pre>{@code\n" + name + " value = " + name + ".builder()." + JavaTypes.setterName(first) + "(...).build();\n}</pre>";
        }
        out.javadoc(JavaNames.javadoc(type.description()),
                "<p>Generated from the spec's {@code " + type.schemaName() + "} schema: each property has a setter on\n"
                        + "{@link Builder} and an accessor here; {@link Builder#putAdditionalField(String, Object)} sends what\n"
                        + "the spec does not describe yet. Immutable and thread-safe."
                        + (type.hasPersonalData() ? " Personal data is normalised and SHA-256 hashed by its setter,\n"
                        + "so neither the builder nor this object ever holds a raw value." : "")
                        + " {@link #toString()} shows which\nfields are set, never a text value.",
                usage);
    }

    private String exampleArgs() {
        StringBuilder args = new StringBuilder();
        for (String arg : type.ofArgs().subList(0, 1)) {
            args.append('"').append(arg).append('"');
        }
        return args.toString();
    }

    private void constants() {
        for (ModelField f : type.fields()) {
            if (f.piiKind() != null) {
                out.line("private static final Normalizer %s = Normalizers.named(%s);", JavaTypes.ruleConstant(f), JavaNames.literal(f.piiKind()));
            }
            if (f.pattern() != null) {
                out.line("private static final ValuePattern %s = ValuePattern.of(%s);",
                        JavaTypes.patternConstant(f), JavaNames.literal(f.pattern()));
            }
        }
        StringBuilder names = new StringBuilder();
        for (ModelField f : type.fields()) {
            names.append(names.length() == 0 ? "" : ", ").append(JavaNames.literal(f.wireName()));
        }
        out.line("/** The properties this class models: additional fields may not reuse their names. */");
        out.line("private static final List<String> MODELLED = List.of(%s);", names);
        out.line("");
    }

    private void fields() {
        if (type.root()) {
            out.line("final EventSource source;");
            out.line("/** The request bytes of this event, made when first needed by each edition and then reused. */");
            out.line("volatile byte[] eventsApi2Json;");
            out.line("volatile byte[] pixelJson;");
        }
        for (ModelField f : type.fields()) {
            out.line("final %s %s;", JavaTypes.fieldType(f), f.javaName());
            if (f.kind() == FieldKind.NUMBER) {
                out.line("/** The number as given to the {@code BigDecimal} setter, sent instead of the double; else null. */");
                out.line("final BigDecimal %s;", JavaTypes.exactName(f));
            }
        }
        out.line("final Map<String, Object> additional;");
        out.line("");
    }

    private void constructor() {
        out.open("private %s(Builder b) {", name);
        if (type.root()) {
            out.line("this.source = b.source;");
        }
        for (ModelField f : type.fields()) {
            // a list of two or more values is the builder's own, still growing if the builder is used again
            out.line(f.kind().isList() ? "this.%s = List.copyOf(b.%s);" : "this.%s = b.%s;", f.javaName(), f.javaName());
            if (f.kind() == FieldKind.NUMBER) {
                out.line("this.%s = b.%s;", JavaTypes.exactName(f), JavaTypes.exactName(f));
            }
        }
        out.line("this.additional = AdditionalFields.freeze(b.additional);");
        out.close("}");
        out.line("");
        if (!type.root()) {
            out.javadoc("A builder holding this object's values (already normalised and hashed), for hand-written rules that\n"
                    + "complete an object from elsewhere in the event.", "@return a new builder");
            out.open("Builder toBuilder() {");
            out.line("Builder b = builder();");
            for (ModelField f : type.fields()) {
                out.line("b.%s = %s;", f.javaName(), f.javaName());
                if (f.kind() == FieldKind.NUMBER) {
                    out.line("b.%s = %s;", JavaTypes.exactName(f), JavaTypes.exactName(f));
                }
            }
            out.line("b.additional = additional.isEmpty() ? Map.of() : new java.util.LinkedHashMap<>(additional);");
            out.line("return b;");
            out.close("}");
            out.line("");
        }
    }

    private void factories() {
        if (type.root()) {
            out.javadoc("Starts a web event with {@link EventDefaults#standard()}.",
                    "@param name a standard name from {@link EventNames} or a custom one (case-sensitive)\n@return a builder");
            out.open("public static Builder builder(String name) {");
            out.line("return new Builder(name, EventDefaults.standard());");
            out.close("}");
            out.line("");
            out.javadoc("Starts a web event with the given defaults (clock, zone for offset-less timestamps, phone country).",
                    "@param name a standard name from {@link EventNames} or a custom one (case-sensitive)\n"
                            + "@param defaults the defaults\n@return a builder");
            out.open("public static Builder builder(String name, EventDefaults defaults) {");
            out.line("return new Builder(name, Objects.requireNonNull(defaults, \"defaults\"));");
            out.close("}");
            out.line("");
            return;
        }
        out.javadoc("Starts an empty " + name + ".", "@return a builder");
        out.open("public static Builder builder() {");
        out.line(needsDefaults() ? "return new Builder(EventDefaults.standard());" : "return new Builder();");
        out.close("}");
        out.line("");
        if (needsDefaults()) {
            out.javadoc("Starts an empty " + name + " whose personal data is normalised with the given defaults (such as the\n"
                    + "phone country for national numbers).", "@param defaults the defaults\n@return a builder");
            out.open("public static Builder builder(EventDefaults defaults) {");
            out.line("return new Builder(Objects.requireNonNull(defaults, \"defaults\"));");
            out.close("}");
            out.line("");
        }
        List<String> of = type.ofArgs();
        for (int count = 1; count <= of.size(); count++) {
            StringBuilder params = new StringBuilder();
            StringBuilder docs = new StringBuilder();
            StringBuilder calls = new StringBuilder();
            for (int i = 0; i < count; i++) {
                ModelField f = type.field(of.get(i));
                params.append(i == 0 ? "" : ", ").append("String ").append(f.javaName());
                docs.append("@param ").append(f.javaName()).append(' ')
                        .append(i == 0 ? "the " + f.wireName() + ", not blank" : "the " + f.wireName() + ", or null").append('\n');
                calls.append('.').append(f.javaName()).append('(').append(f.javaName()).append(')');
            }
            out.javadoc("A " + name + " with its " + String.join(", ", of.subList(0, count)) + ".",
                    docs + "@return the " + name + "\n@throws TikTokValidationException if the " + of.get(0) + " is blank");
            out.open("public static %s of(%s) {", name, params);
            ModelField first = type.field(of.get(0));
            out.line("Values.requireText(%s, %s);", first.javaName(), JavaNames.literal(type.fieldPrefix() + first.wireName()));
            out.line("return builder()%s.build();", calls);
            out.close("}");
            out.line("");
        }
    }

    private void accessors() {
        if (type.root()) {
            out.javadoc("The event name.", "@return the name, as given (trimmed)");
            out.open("public String name() {");
            out.line("return event;");
            out.close("}");
            out.line("");
            out.javadoc("Where the event comes from, which decides the {@code event_source_id} it is sent under.",
                    "@return the source; {@link EventSource#WEB} unless set");
            out.open("public EventSource source() {");
            out.line("return source;");
            out.close("}");
            out.line("");
        }
        for (ModelField f : type.fields()) {
            accessor(f);
        }
        out.javadoc("The fields the spec does not describe, as given to {@link Builder#putAdditionalField(String, Object)}"
                + (type.hasPersonalData() ? "\n(hashed ones already hashed)" : "") + ".", "@return the additional fields, in the order given; possibly empty");
        out.open("public Map<String, Object> additionalFields() {");
        out.line("return additional;");
        out.close("}");
        out.line("");
    }

    private void accessor(ModelField f) {
        String doc = JavaNames.javadoc(f.description());
        switch (f.kind()) {
            case TIME -> {
                out.javadoc("When the event happened.", "@return the instant");
                out.open("public Instant time() {");
                out.line("return %s.toInstant();", f.javaName());
                out.close("}");
                out.line("");
                out.javadoc("When the event happened, with the offset it was given in (UTC unless a string or zoned time\nsaid otherwise).",
                        "@return the time with its offset");
                out.open("public OffsetDateTime timeWithOffset() {");
                out.line("return %s.toOffsetDateTime();", f.javaName());
                out.close("}");
            }
            case PII -> {
                out.javadoc(doc, "@return the SHA-256 hex digest, if set");
                out.open("public Optional<String> hashed%s() {", JavaNames.capitalise(f.javaName()));
                out.line("return Optional.ofNullable(%s);", f.javaName());
                out.close("}");
            }
            case PII_LIST -> {
                out.javadoc(doc, "@return the SHA-256 hex digests, possibly empty");
                out.open("public List<String> hashed%s() {", JavaNames.capitalise(JavaNames.plural(f.javaName())));
                out.line("return %s;", f.javaName());
                out.close("}");
            }
            case OBJECT_LIST, STRING_LIST -> {
                out.javadoc(doc, "@return the values, possibly empty");
                out.open("public %s %s() {", JavaTypes.fieldType(f), f.javaName());
                out.line("return %s;", f.javaName());
                out.close("}");
            }
            default -> {
                if (type.root() && f.wireName().equals("event")) {
                    return;
                }
                boolean always = f.required() || (type.root() && f.wireName().equals("event_id"));
                if (always) {
                    out.javadoc(doc, "@return the " + f.wireName() + (type.root() && f.wireName().equals("event_id")
                            ? ": the caller's, or a random UUID made when the event was built" : ""));
                    out.open("public %s %s() {", JavaTypes.fieldType(f), f.javaName());
                    out.line("return %s;", f.javaName());
                } else if (f.kind() == FieldKind.NUMBER) {
                    // kept unboxed, NaN when absent: the setter refuses NaN, so it cannot be a real value
                    out.javadoc(doc, "@return the value, if set (the nearest double when it was given as a {@code BigDecimal})");
                    out.open("public Optional<Double> %s() {", f.javaName());
                    out.line("return Double.isNaN(%s) ? Optional.empty() : Optional.of(%s);", f.javaName(), f.javaName());
                    out.close("}");
                    out.line("");
                    out.javadoc(doc, "@return the value as sent, if set: the {@code BigDecimal} given, or the double's shortest decimal form");
                    out.open("public Optional<BigDecimal> %sDecimal() {", f.javaName());
                    out.line("return %s != null ? Optional.of(%s) : Double.isNaN(%s) ? Optional.empty() : Optional.of(BigDecimal.valueOf(%s));",
                            JavaTypes.exactName(f), JavaTypes.exactName(f), f.javaName(), f.javaName());
                } else {
                    out.javadoc(doc, "@return the value, if set");
                    out.open("public Optional<%s> %s() {", JavaTypes.fieldType(f), f.javaName());
                    out.line("return Optional.ofNullable(%s);", f.javaName());
                }
                out.close("}");
            }
        }
        out.line("");
    }

    private void equalsAndHashCode() {
        if (type.root()) {
            return; // an event is one occurrence: two equal-looking events are still two
        }
        StringBuilder compare = new StringBuilder();
        StringBuilder hash = new StringBuilder();
        for (ModelField f : type.fields()) {
            if (f.kind() == FieldKind.NUMBER) {
                compare.append("\n        && Double.compare(").append(f.javaName()).append(", that.").append(f.javaName()).append(") == 0");
                compare.append("\n        && Objects.equals(").append(JavaTypes.exactName(f)).append(", that.")
                        .append(JavaTypes.exactName(f)).append(')');
            } else {
                compare.append("\n        && Objects.equals(").append(f.javaName()).append(", that.").append(f.javaName()).append(')');
            }
            hash.append(f.javaName()).append(", ");
        }
        out.line("/** Equal when every field and additional field is equal. */");
        out.line("@Override");
        out.open("public boolean equals(Object other) {");
        out.open("if (!(other instanceof %s)) {", name);
        out.line("return false;");
        out.close("}");
        out.line("%s that = (%s) other;", name, name);
        out.line("return additional.equals(that.additional)%s;", compare);
        out.close("}");
        out.line("");
        out.line("/** {@inheritDoc} */");
        out.line("@Override");
        out.open("public int hashCode() {");
        out.line("return Objects.hash(%sadditional);", hash);
        out.close("}");
        out.line("");
    }

    private void toStringMethod() {
        out.line("/** Shows which fields are set; numbers, flags, enumerations, names and ids as values, never other text. */");
        out.line("@Override");
        out.open("public String toString() {");
        out.line("StringJoiner out = new StringJoiner(\", \", \"%s{\", \"}\");", name);
        if (type.root()) {
            String time = type.fields().stream().filter(f -> f.kind() == FieldKind.TIME).findFirst().orElseThrow().javaName();
            out.line("out.add(\"name=\" + event).add(\"source=\" + source).add(\"eventId=\" + eventId).add(\"time=\" + %s);", time);
        }
        for (ModelField f : type.fields()) {
            if (type.root() && (f.wireName().equals("event") || f.wireName().equals("event_id") || f.kind() == FieldKind.TIME)) {
                continue;
            }
            String n = f.javaName();
            switch (f.kind()) {
                case PII_LIST, STRING_LIST -> out.line("if (!%s.isEmpty()) out.add(\"%s=\" + %s.size());", n, JavaNames.plural(n), n);
                case OBJECT_LIST -> out.line("if (!%s.isEmpty()) out.add(\"%s=\" + %s);", n, n, n);
                case STRING, PII -> out.line("if (%s != null) out.add(\"%s=<set>\");", n, n);
                case NUMBER -> out.line("if (!Double.isNaN(%s)) out.add(\"%s=\" + (%s != null ? %s.toPlainString() : %s));",
                        n, n, JavaTypes.exactName(f), JavaTypes.exactName(f), n);
                default -> out.line("if (%s != null) out.add(\"%s=\" + %s);", n, n, n);
            }
        }
        out.line("if (!additional.isEmpty()) out.add(\"additional=\" + additional.keySet());");
        out.line("return out.toString();");
        out.close("}");
        out.line("");
    }
}
