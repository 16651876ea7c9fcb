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
        builder();
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
            usage = "<pre>{@code\n" + name + " value = " + name + ".builder()." + setterName(first) + "(...).build();\n}</pre>";
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
                out.line("private static final Normalizer %s = Normalizers.named(%s);", ruleConstant(f), JavaNames.literal(f.piiKind()));
            }
            if (f.pattern() != null) {
                out.line("private static final ValuePattern %s = ValuePattern.of(%s);",
                        patternConstant(f), JavaNames.literal(f.pattern()));
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
            out.line("final %s %s;", fieldType(f), f.javaName());
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
            out.line("this.%s = b.%s;", f.javaName(), f.javaName());
        }
        out.line("this.additional = AdditionalFields.freeze(b.additional);");
        out.close("}");
        out.line("");
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
                out.open("public %s %s() {", fieldType(f), f.javaName());
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
                    out.open("public %s %s() {", fieldType(f), f.javaName());
                    out.line("return %s;", f.javaName());
                } else if (f.kind() == FieldKind.NUMBER) {
                    // kept unboxed, NaN when absent: the setter refuses NaN, so it cannot be a real value
                    out.javadoc(doc, "@return the value, if set");
                    out.open("public Optional<Double> %s() {", f.javaName());
                    out.line("return Double.isNaN(%s) ? Optional.empty() : Optional.of(%s);", f.javaName(), f.javaName());
                } else {
                    out.javadoc(doc, "@return the value, if set");
                    out.open("public Optional<%s> %s() {", fieldType(f), f.javaName());
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
                case NUMBER -> out.line("if (!Double.isNaN(%s)) out.add(\"%s=\" + %s);", n, n, n);
                default -> out.line("if (%s != null) out.add(\"%s=\" + %s);", n, n, n);
            }
        }
        out.line("if (!additional.isEmpty()) out.add(\"additional=\" + additional.keySet());");
        out.line("return out.toString();");
        out.close("}");
        out.line("");
    }

    // ------------------------------------------------------------------ builder

    private void builder() {
        out.javadoc("Builds a {@link " + name + "}. "
                + (type.hasPersonalData() ? "Personal values are normalised and hashed by their setter, so a bad value\n"
                + "fails there with a {@link TikTokValidationException} naming the field but never the value. " : "")
                + "Not thread-safe.");
        out.open("public static final class Builder {");
        if (needsDefaults()) {
            out.line("private final EventDefaults defaults;");
        }
        if (type.root()) {
            out.line("EventSource source = EventSource.WEB;");
        }
        for (ModelField f : type.fields()) {
            String initial = f.kind().isList() ? " = List.of()" : f.kind() == FieldKind.NUMBER ? " = Double.NaN" : "";
            out.line("%s %s%s;", fieldType(f), f.javaName(), initial);
        }
        out.line("Map<String, Object> additional = Map.of();");
        out.line("");
        if (type.root()) {
            out.open("private Builder(String name, EventDefaults defaults) {");
            out.line("this.event = name == null ? null : name.trim();");
            out.line("this.defaults = defaults;");
            out.close("}");
        } else if (needsDefaults()) {
            out.open("private Builder(EventDefaults defaults) {");
            out.line("this.defaults = defaults;");
            out.close("}");
        } else {
            out.open("private Builder() {");
            out.close("}");
        }
        out.line("");
        if (type.root()) {
            out.javadoc("Sets where the event comes from; {@link EventSource#WEB} by default. A source this version does not\n"
                    + "list is made with {@link EventSource#of(String)}; the client needs an id for it\n"
                    + "({@code TikTokEvents.builder().sourceId(source, id)}).",
                    "@param value where the event comes from\n@return this builder");
            out.open("public Builder source(EventSource value) {");
            out.line("this.source = Objects.requireNonNull(value, \"source\");");
            out.line("return this;");
            out.close("}");
            out.line("");
        }
        for (ModelField f : type.fields()) {
            setters(f);
        }
        additionalSetters();
        build();
        out.close("}");
    }

    private String fieldName(ModelField f) {
        return JavaNames.literal(type.fieldPrefix() + f.wireName());
    }

    private void setters(ModelField f) {
        String doc = JavaNames.javadoc(f.description());
        String n = f.javaName();
        switch (f.kind()) {
            case TIME -> timeSetters(f);
            case STRING -> {
                if (type.root() && f.wireName().equals("event")) {
                    return;
                }
                String rule = (f.normalise() != null ? "; " + f.normalise() + " and trimmed" : "")
                        + (f.pattern() != null ? "; must match {@code " + JavaNames.javadoc(f.pattern()) + "}" : "");
                out.javadoc(doc, "@param value the value" + rule + "; null clears it\n@return this builder"
                        + (f.pattern() != null ? "\n@throws TikTokValidationException if it does not match" : ""));
                out.open("public Builder %s(String value) {", n);
                String value = f.normalise() != null ? "Values.normalise(" + JavaNames.literal(f.normalise()) + ", value)" : "value";
                if (f.pattern() != null) {
                    out.line("this.%s = %s.check(%s, %s);", n, patternConstant(f), value, fieldName(f));
                } else {
                    out.line("this.%s = %s;", n, value);
                }
                out.line("return this;");
                out.close("}");
            }
            case INTEGER, LONG -> {
                String primitive = f.kind() == FieldKind.INTEGER ? "int" : "long";
                out.javadoc(doc, "@param value the value" + (f.minimum() != null ? ", at least " + f.minimum().toPlainString() : "")
                        + "\n@return this builder" + (f.minimum() != null ? "\n@throws TikTokValidationException if it is smaller" : ""));
                out.open("public Builder %s(%s value) {", n, primitive);
                if (f.minimum() != null) {
                    out.line("Values.atLeast(value, %sL, %s);", f.minimum().toBigInteger(), fieldName(f));
                }
                out.line("this.%s = value;", n);
                out.line("return this;");
                out.close("}");
            }
            case NUMBER -> {
                out.javadoc(doc, "@param value a finite number" + (f.minimum() != null ? ", at least " + f.minimum().toPlainString() : "")
                        + "\n@return this builder\n@throws TikTokValidationException if it is not finite"
                        + (f.minimum() != null ? " or smaller" : ""));
                out.open("public Builder %s(double value) {", n);
                out.line("this.%s = Values.finite(value, %s, %s);", n,
                        f.minimum() == null ? "Double.NEGATIVE_INFINITY" : f.minimum().toPlainString() + "d", fieldName(f));
                out.line("return this;");
                out.close("}");
            }
            case BOOLEAN, ENUM, OBJECT -> {
                String t = f.kind() == FieldKind.BOOLEAN ? "boolean" : f.typeName();
                out.javadoc(doc, "@param value the value" + (f.kind() == FieldKind.BOOLEAN ? "" : "; null clears it") + "\n@return this builder");
                out.open("public Builder %s(%s value) {", n, t);
                out.line("this.%s = value;", n);
                out.line("return this;");
                out.close("}");
            }
            case STRING_LIST, OBJECT_LIST -> {
                String element = f.kind() == FieldKind.STRING_LIST ? "String" : f.typeName();
                String one = JavaNames.singular(n);
                out.javadoc(doc, "@param value one more element, not null\n@return this builder");
                out.open("public Builder add%s(%s value) {", JavaNames.capitalise(one), element);
                out.line("this.%s = SmallLists.append(this.%s, Objects.requireNonNull(value, %s));", n, n, fieldName(f));
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc("Adds several elements, as {@link #add" + JavaNames.capitalise(one) + "(" + element + ")} does.",
                        "@param values the elements\n@return this builder");
                out.open("public Builder %s(Collection<%s> values) {", n, element);
                out.line("values.forEach(this::add%s);", JavaNames.capitalise(one));
                out.line("return this;");
                out.close("}");
            }
            case PII -> {
                out.javadoc(doc + "\n\n<p>Normalised by the spec's {@code " + f.piiKind() + "} rule and SHA-256 hashed here; a\n"
                                + "value that already is 64 hex characters passes through lowercased.",
                        "@param value the raw value\n@return this builder\n@throws TikTokValidationException if it is blank or breaks the rule");
                out.open("public Builder %s(String value) {", n);
                out.line("this.%s = PersonalData.hash(%s, value, %s, defaults);", n, ruleConstant(f), fieldName(f));
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc("Sets a value you hashed yourself (SHA-256 of the normalised value).",
                        "@param sha256Hex 64 hex characters\n@return this builder\n@throws TikTokValidationException if it is not 64 hex characters");
                out.open("public Builder hashed%s(String sha256Hex) {", JavaNames.capitalise(n));
                out.line("this.%s = PersonalData.digest(sha256Hex, %s);", n, fieldName(f));
                out.line("return this;");
                out.close("}");
            }
            case PII_LIST -> {
                out.javadoc(doc + "\n\n<p>Adds one value: normalised by the spec's {@code " + f.piiKind() + "} rule and SHA-256\n"
                                + "hashed here; a value that already is 64 hex characters passes through lowercased.",
                        "@param value the raw value\n@return this builder\n@throws TikTokValidationException if it is blank or breaks the rule");
                out.open("public Builder %s(String value) {", n);
                out.line("this.%s = SmallLists.append(this.%s, PersonalData.hash(%s, value, %s, defaults));", n, n, ruleConstant(f), fieldName(f));
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc("Adds several values, as {@link #" + n + "(String)} does.", "@param values the raw values\n@return this builder");
                out.open("public Builder %s(Collection<String> values) {", JavaNames.plural(n));
                out.line("values.forEach(this::%s);", n);
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc("Adds a value you hashed yourself (SHA-256 of the normalised value).",
                        "@param sha256Hex 64 hex characters\n@return this builder\n@throws TikTokValidationException if it is not 64 hex characters");
                out.open("public Builder hashed%s(String sha256Hex) {", JavaNames.capitalise(n));
                out.line("this.%s = SmallLists.append(this.%s, PersonalData.digest(sha256Hex, %s));", n, n, fieldName(f));
                out.line("return this;");
                out.close("}");
            }
            default -> throw new IllegalStateException(f.kind().toString());
        }
        out.line("");
    }

    private void timeSetters(ModelField f) {
        String n = f.javaName();
        String[][] variants = {
                {"timestamp", "String iso", "TimestampCoercer.fromIso(iso, defaults)",
                        "@param iso an ISO-8601 date-time with an offset or {@code Z}, such as {@code 2023-02-01T00:00:00-03:00};\n"
                                + "           without an offset only if the defaults have a zone"},
                {"timestamp", "Instant value", "TimestampCoercer.fromInstant(value, defaults)", "@param value when the event happened"},
                {"timestamp", "OffsetDateTime value", "TimestampCoercer.checked(value, defaults)", "@param value when the event happened"},
                {"timestamp", "ZonedDateTime value", "TimestampCoercer.checked(value == null ? null : value.toOffsetDateTime(), defaults)",
                        "@param value when the event happened"},
                {"timestamp", "Date value", "TimestampCoercer.fromInstant(value == null ? null : value.toInstant(), defaults)",
                        "@param value when the event happened"},
                {"epochSeconds", "long seconds", "TimestampCoercer.fromEpochSeconds(seconds, defaults)", "@param seconds Unix epoch seconds"},
                {"epochMillis", "long millis", "TimestampCoercer.fromEpochMillis(millis, defaults)", "@param millis Unix epoch milliseconds"},
        };
        for (String[] v : variants) {
            out.javadoc("Sets when the event happened ({@code " + f.wireName() + "}); the clock of the defaults when not set.",
                    v[3] + "\n@return this builder\n@throws TikTokValidationException if it cannot be read or is implausible");
            out.open("public Builder %s(%s) {", v[0], v[1]);
            out.line("this.%s = %s;", n, v[2]);
            out.line("return this;");
            out.close("}");
            out.line("");
        }
    }

    private void additionalSetters() {
        out.javadoc("Adds a field the spec does not describe yet, sent as given in " + (type.root() ? "the event" : "this object")
                        + " by every edition\nand every way of sending. Values may be strings, numbers, booleans, null, lists and maps of them.",
                "@param fieldName the JSON name; not one of the fields this class models\n@param value the value\n@return this builder\n"
                        + "@throws TikTokValidationException if the name is blank or modelled, or the value is not JSON");
        out.open("public Builder putAdditionalField(String fieldName, Object value) {");
        out.line("this.additional = AdditionalFields.put(this.additional, %s, MODELLED, fieldName, value);",
                JavaNames.literal(type.path()));
        out.line("return this;");
        out.close("}");
        out.line("");
        if (type.hasPersonalData()) {
            out.javadoc("Adds a personal-data field the spec does not describe yet, normalised by a named rule (one of\n"
                            + String.join(", ", model.piiKinds().keySet()) + ") and SHA-256 hashed here.",
                    "@param fieldName the JSON name; not one of the fields this class models\n@param value the raw value\n"
                            + "@param rule the normalisation rule, such as {@code text}\n@return this builder\n"
                            + "@throws TikTokValidationException if the name is blank or modelled, the rule unknown or the value breaks it");
            out.open("public Builder putAdditionalHashedField(String fieldName, String value, String rule) {");
            out.line("String field = %s + fieldName;", JavaNames.literal(type.fieldPrefix()));
            out.line("String digest = PersonalData.hash(Normalizers.require(rule, field), value, field, defaults);");
            out.line("this.additional = AdditionalFields.put(this.additional, %s, MODELLED, fieldName, digest);",
                    JavaNames.literal(type.path()));
            out.line("return this;");
            out.close("}");
            out.line("");
        }
    }

    private void build() {
        String requiredDoc = type.fields().stream().filter(ModelField::required)
                .filter(f -> !(type.root() && f.kind() == FieldKind.TIME))
                .map(ModelField::wireName).reduce((a, b) -> a + ", " + b).orElse("");
        out.javadoc("Checks and builds the " + name + "." + (type.root()
                        ? " Stamps it with the defaults' clock when no time was set and gives it a random\nUUID {@code event_id} when none was set." : ""),
                "@return the " + name + (requiredDoc.isEmpty() && type.checks() == null ? ""
                        : "\n@throws TikTokValidationException if " + (requiredDoc.isEmpty() ? "" : requiredDoc + " is missing")
                        + (type.checks() != null ? (requiredDoc.isEmpty() ? "" : " or ") + "a rule of " + type.checks() + " is broken" : "")));
        out.open("public %s build() {", name);
        if (type.root()) {
            out.open("if (event == null || event.isEmpty()) {");
            out.line("throw new TikTokValidationException(\"event\", \"is blank\");");
            out.close("}");
        }
        for (ModelField f : type.fields()) {
            if (f.required() && !(type.root() && (f.kind() == FieldKind.TIME || f.wireName().equals("event")))) {
                out.open(f.kind() == FieldKind.NUMBER ? "if (Double.isNaN(%s)) {" : "if (%s == null) {", f.javaName());
                out.line("throw new TikTokValidationException(%s, \"is required\");", fieldName(f));
                out.close("}");
            }
        }
        if (type.checks() != null) {
            out.line("%s.check(this);", type.checks());
        }
        if (type.root()) {
            ModelField time = type.fields().stream().filter(f -> f.kind() == FieldKind.TIME).findFirst().orElseThrow();
            out.line("eventId = eventId == null || eventId.isBlank() ? Values.randomEventId() : eventId.trim();");
            out.open("if (%s == null) {", time.javaName());
            out.line("%s = TimestampCoercer.now(defaults);", time.javaName());
            out.close("}");
        }
        out.line("return new %s(this);", name);
        out.close("}");
    }

    // ------------------------------------------------------------------ names and types

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

    private static String ruleConstant(ModelField f) {
        return JavaNames.constant(f.wireName()) + "_RULE";
    }

    private static String patternConstant(ModelField f) {
        return JavaNames.constant(f.wireName()) + "_PATTERN";
    }
}
