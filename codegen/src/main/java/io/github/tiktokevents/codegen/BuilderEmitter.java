package io.github.tiktokevents.codegen;

/**
 * Writes the {@code Builder} of one facade object: a setter (or a family of setters) per spec property applying its
 * rules, the additional-field setters, and {@code build()}, which checks required fields and runs the schema's
 * hand-written {@code x-tiktok-checks}.
 */
final class BuilderEmitter {
    private final FacadeModel model;
    private final ModelClass type;
    private final JavaFile out;
    private final String name;

    BuilderEmitter(FacadeModel model, ModelClass type, JavaFile out) {
        this.model = model;
        this.type = type;
        this.out = out;
        this.name = type.javaName();
    }

    private boolean needsDefaults() {
        return type.root() || type.hasPersonalData();
    }

    void emit() {
        out.javadoc("Builds a {@link " + name + "}. "
                + (type.hasPersonalData() ? "Personal values are normalised and hashed by their setter, so a bad value\n"
                + "fails there with a {@link TikTokValidationException} naming the field but never the value. " : "")
                + "Not thread-safe.");
        out.open("public static final class Builder {");
        if (needsDefaults()) {
            out.line("final EventDefaults defaults; // package-private: the hand-written x-tiktok-checks read its clock and listener");
        }
        if (type.root()) {
            out.line("EventSource source = EventSource.WEB;");
        }
        for (ModelField f : type.fields()) {
            String initial = f.kind().isList() ? " = List.of()" : f.kind() == FieldKind.NUMBER ? " = Double.NaN" : "";
            out.line("%s %s%s;", JavaTypes.fieldType(f), f.javaName(), initial);
            if (f.kind() == FieldKind.NUMBER) {
                out.line("BigDecimal %s;", JavaTypes.exactName(f));
            }
        }
        out.line("Map<String, Object> additional = Map.of();");
        out.line("");
        if (type.root()) {
            out.open("private Builder(String name, EventDefaults defaults) {");
            out.line("this.event = Values.text(name, \"event\");");
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
                    "@param value where the event comes from; null means the default, {@link EventSource#WEB}\n@return this builder");
            out.open("public Builder source(EventSource value) {");
            out.line("this.source = value == null ? EventSource.WEB : value;");
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
                out.javadoc(doc, "@param value the value" + rule + "; null, empty or white space clears it\n@return this builder"
                        + "\n@throws TikTokValidationException if it holds a control character (but tab and line breaks) or an unpaired\n"
                        + "        surrogate" + (f.pattern() != null ? ", or does not match" : ""));
                out.open("public Builder %s(String value) {", n);
                String value = f.normalise() != null
                        ? "Values.normalise(" + JavaNames.literal(f.normalise()) + ", value, " + fieldName(f) + ")"
                        : "Values.text(value, " + fieldName(f) + ")";
                if (f.pattern() != null) {
                    out.line("this.%s = %s.check(%s, %s);", n, JavaTypes.patternConstant(f), value, fieldName(f));
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
                String minimum = f.minimum() == null ? "Double.NEGATIVE_INFINITY" : f.minimum().toPlainString() + "d";
                out.javadoc(doc, "@param value a finite number" + (f.minimum() != null ? ", at least " + f.minimum().toPlainString() : "")
                        + "; sent as a plain decimal, never in exponent notation\n@return this builder\n"
                        + "@throws TikTokValidationException if it is not finite" + (f.minimum() != null ? " or smaller" : ""));
                out.open("public Builder %s(double value) {", n);
                out.line("this.%s = Values.finite(value, %s, %s);", n, minimum, fieldName(f));
                out.line("this.%s = null;", JavaTypes.exactName(f));
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc(doc + "\n\n<p>Sent exactly as given ({@link BigDecimal#toPlainString()}): no binary rounding, so\n"
                                + "{@code new BigDecimal(\"0.30\")} goes out as {@code 0.30}.",
                        "@param value the amount" + (f.minimum() != null ? ", at least " + f.minimum().toPlainString() : "")
                                + ", at most " + "20 decimal places; null clears it\n@return this builder\n"
                                + "@throws TikTokValidationException if it is out of range");
                out.open("public Builder %s(BigDecimal value) {", n);
                out.line("this.%s = Values.exact(value, %s, %s);", JavaTypes.exactName(f), minimum, fieldName(f));
                out.line("this.%s = value == null ? Double.NaN : value.doubleValue();", n);
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
                out.javadoc(doc, "@param value one more element; null" + (f.kind() == FieldKind.STRING_LIST ? ", empty or white space" : "")
                        + " adds nothing\n@return this builder" + (f.kind() == FieldKind.STRING_LIST
                        ? "\n@throws TikTokValidationException if it holds a control character or an unpaired surrogate" : ""));
                out.open("public Builder add%s(%s value) {", JavaNames.capitalise(one), element);
                if (f.kind() == FieldKind.STRING_LIST) {
                    out.line("String text = Values.text(value, %s);", fieldName(f));
                    out.open("if (text != null) {");
                    out.line("this.%s = SmallLists.append(this.%s, text);", n, n);
                } else {
                    out.open("if (value != null) {");
                    out.line("this.%s = SmallLists.append(this.%s, value);", n, n);
                }
                out.close("}");
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc("Adds several elements, as {@link #add" + JavaNames.capitalise(one) + "(" + element + ")} does.",
                        "@param values the elements; null adds nothing\n@return this builder");
                out.open("public Builder %s(Collection<%s> values) {", n, element);
                out.open("if (values != null) {");
                out.line("values.forEach(this::add%s);", JavaNames.capitalise(one));
                out.close("}");
                out.line("return this;");
                out.close("}");
            }
            case PII -> {
                out.javadoc(doc + "\n\n<p>Normalised by the spec's {@code " + f.piiKind() + "} rule and SHA-256 hashed here; a\n"
                                + "value that already is 64 hex characters passes through lowercased.",
                        "@param value the raw value; null, empty or white space clears it\n@return this builder\n"
                                + "@throws TikTokValidationException if it breaks the rule");
                out.open("public Builder %s(String value) {", n);
                out.line("this.%s = PersonalData.hash(%s, value, %s, defaults);", n, JavaTypes.ruleConstant(f), fieldName(f));
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc("Sets a value you hashed yourself (SHA-256 of the normalised value).",
                        "@param sha256Hex 64 hex characters; null, empty or white space clears it\n@return this builder\n"
                                + "@throws TikTokValidationException if it is not 64 hex characters");
                out.open("public Builder hashed%s(String sha256Hex) {", JavaNames.capitalise(n));
                out.line("this.%s = PersonalData.digest(sha256Hex, %s);", n, fieldName(f));
                out.line("return this;");
                out.close("}");
            }
            case PII_LIST -> {
                out.javadoc(doc + "\n\n<p>Adds one value: normalised by the spec's {@code " + f.piiKind() + "} rule and SHA-256\n"
                                + "hashed here; a value that already is 64 hex characters passes through lowercased.",
                        "@param value the raw value; null, empty or white space adds nothing\n@return this builder\n"
                                + "@throws TikTokValidationException if it breaks the rule");
                out.open("public Builder %s(String value) {", n);
                out.line("String digest = PersonalData.hash(%s, value, %s, defaults);", JavaTypes.ruleConstant(f), fieldName(f));
                out.open("if (digest != null) {");
                out.line("this.%s = SmallLists.append(this.%s, digest);", n, n);
                out.close("}");
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc("Adds several values, as {@link #" + n + "(String)} does.", "@param values the raw values; null adds nothing\n@return this builder");
                out.open("public Builder %s(Collection<String> values) {", JavaNames.plural(n));
                out.open("if (values != null) {");
                out.line("values.forEach(this::%s);", n);
                out.close("}");
                out.line("return this;");
                out.close("}");
                out.line("");
                out.javadoc("Adds a value you hashed yourself (SHA-256 of the normalised value).",
                        "@param sha256Hex 64 hex characters; null, empty or white space adds nothing\n@return this builder\n"
                                + "@throws TikTokValidationException if it is not 64 hex characters");
                out.open("public Builder hashed%s(String sha256Hex) {", JavaNames.capitalise(n));
                out.line("String digest = PersonalData.digest(sha256Hex, %s);", fieldName(f));
                out.open("if (digest != null) {");
                out.line("this.%s = SmallLists.append(this.%s, digest);", n, n);
                out.close("}");
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
                        "@param iso an ISO-8601 or RFC 3339 date-time such as {@code 2023-02-01T00:00:00-03:00}: {@code T} or a\n"
                                + "           space, optional seconds and fraction, {@code Z}, {@code +hh:mm}, {@code +hhmm} or {@code +hh};\n"
                                + "           without an offset only if the defaults have a zone; or epoch seconds as text\n"
                                + "           ({@code \"1686328646\"}; milliseconds above 10^11)"},
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
                    "@param fieldName the JSON name; not one of the fields this class models\n@param value the raw value; null, empty or white space adds nothing\n"
                            + "@param rule the normalisation rule, such as {@code text}\n@return this builder\n"
                            + "@throws TikTokValidationException if the name is blank or modelled, the rule unknown or the value breaks it");
            out.open("public Builder putAdditionalHashedField(String fieldName, String value, String rule) {");
            out.line("String field = %s + fieldName;", JavaNames.literal(type.fieldPrefix()));
            out.line("String digest = PersonalData.hash(Normalizers.require(rule, field), value, field, defaults);");
            out.open("if (digest != null) {");
            out.line("this.additional = AdditionalFields.put(this.additional, %s, MODELLED, fieldName, digest);",
                    JavaNames.literal(type.path()));
            out.close("}");
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
            out.line("EventCompletion.complete(this);");
            ModelField time = type.fields().stream().filter(f -> f.kind() == FieldKind.TIME).findFirst().orElseThrow();
            out.line("eventId = eventId == null ? Values.randomEventId() : eventId;");
            out.open("if (%s == null) {", time.javaName());
            out.line("%s = TimestampCoercer.now(defaults);", time.javaName());
            out.close("}");
        }
        out.line("return new %s(this);", name);
        out.close("}");
    }
}
