package io.github.tiktokevents.codegen;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes {@code EventWriters}: the request writers of both editions, straight into UTF-8 bytes with no tree and no
 * reflection. Events API 2.0 gets each object's properties in spec order; Events API 1.0 gets the properties of its
 * event filled from the facade event as {@code x-tiktok-from} says. Each object's additional fields follow its
 * properties.
 */
final class WireWriterEmitter {
    private final FacadeModel model;
    private final JavaFile out;
    private final Set<String> names = new LinkedHashSet<>();
    private int variables;

    private WireWriterEmitter(FacadeModel model, String packageName) {
        this.model = model;
        this.out = new JavaFile(model.specName(), null, packageName);
    }

    static String emit(FacadeModel model, String packageName) {
        return new WireWriterEmitter(model, packageName).emit();
    }

    private String emit() {
        // the body first: it decides which names need constants
        JavaFile body = new JavaFile(1);
        JavaFile saved = swap(body);
        ModelClass root = model.root();
        for (ModelClass type : model.classes()) {
            objectWriter(type);
        }
        pixelWriter(root);
        swap(saved);

        out.line("import io.github.tiktokevents.internal.wire.EventWire;");
        out.line("import io.github.tiktokevents.internal.wire.JsonOut;");
        out.line("import io.github.tiktokevents.internal.wire.JsonValues;");
        out.line("import java.util.List;");
        out.line("import javax.annotation.processing.Generated;");
        out.line("");
        out.javadoc("The request writers of both editions, generated from the spec: Events API 2.0 {@code data[]} elements\n"
                + "and the properties of an Events API 1.0 event. The request envelopes around them are hand-written\n"
                + "(their properties are client settings).");
        out.generatedAnnotation(model.specName(), null);
        out.open("final class EventWriters {");
        for (String name : names) {
            out.line("private static final byte[] %s = JsonOut.name(%s);", constant(name), JavaNames.literal(name));
        }
        out.line("");
        out.open("private EventWriters() {");
        out.close("}");
        out.line("");
        out.line("/** One Events API 2.0 {@code data[]} element. */");
        out.open("static byte[] eventsApi2(%s event) {", root.javaName());
        out.line("JsonOut out = JsonOut.pooled();");
        out.line("write%s(out, event);", root.javaName());
        out.line("return out.toByteArray();");
        out.close("}");
        out.line("");
        out.append(body);
        access(root);
        out.close("}");
        return out.toString();
    }

    private JavaFile current;

    private JavaFile swap(JavaFile next) {
        JavaFile previous = current;
        current = next;
        return previous;
    }

    private JavaFile w() {
        return current == null ? out : current;
    }

    private String name(String wire) {
        names.add(wire);
        return constant(wire);
    }

    private static String constant(String wire) {
        return "N_" + JavaNames.constant(wire);
    }

    // ------------------------------------------------------------------ Events API 2.0

    private void objectWriter(ModelClass type) {
        JavaFile w = w();
        w.open("private static void write%s(JsonOut out, %s o) {", type.javaName(), type.javaName());
        w.line("out.beginObject();");
        for (ModelField f : type.fields()) {
            value(f, "o." + f.javaName(), f.wireName());
        }
        w.line("JsonValues.writeFields(out, o.additional);");
        w.line("out.endObject();");
        w.close("}");
        w.line("");
    }

    /** Writes one property whose value (never an unguarded path through null) is {@code expr}. */
    private void value(ModelField f, String expr, String wire) {
        value(f, expr, wire, expr + "Exact");
    }

    /** The same; {@code exactExpr} is a number's {@code BigDecimal} form, sent instead of the double when set. */
    private void value(ModelField f, String expr, String wire, String exactExpr) {
        JavaFile w = w();
        String n = name(wire);
        switch (f.kind()) {
            case STRING, PII -> w.line("if (%s != null) out.name(%s).value(%s);", expr, n, expr);
            case INTEGER, LONG -> w.line("if (%s != null) out.name(%s).value(%s.longValue());", expr, n, expr);
            case NUMBER -> w.line("JsonValues.number(out, %s, %s, %s);", n, expr, exactExpr);
            case BOOLEAN -> w.line("if (%s != null) out.name(%s).value(%s.booleanValue());", expr, n, expr);
            case ENUM -> w.line("if (%s != null) out.name(%s).value(%s.wireValue());", expr, n, expr);
            case TIME -> w.line("out.name(%s).value(%s.epochSecond);", n, expr);
            case PII_LIST -> w.line("JsonValues.identifiers(out, %s, %s);", n, expr);
            case STRING_LIST -> w.line("JsonValues.strings(out, %s, %s);", n, expr);
            case OBJECT -> {
                w.open("if (%s != null) {", expr);
                w.line("out.name(%s);", n);
                w.line("write%s(out, %s);", f.typeName(), expr);
                w.close("}");
            }
            case OBJECT_LIST -> {
                w.open("if (!%s.isEmpty()) {", expr);
                w.line("out.name(%s).beginArray();", n);
                // indexed, not for-each: an iterator per list per event is allocation escape analysis may not remove
                w.open("for (int i = 0; i < %s.size(); i++) {", expr);
                w.line("write%s(out, %s.get(i));", f.typeName(), expr);
                w.close("}");
                w.line("out.endArray();");
                w.close("}");
            }
            default -> throw new IllegalStateException(f.kind().toString());
        }
    }

    // ------------------------------------------------------------------ Events API 1.0

    private void pixelWriter(ModelClass root) {
        JavaFile w = w();
        w.line("/** The properties of one Events API 1.0 event, without the braces: the envelope writes those. */");
        w.open("static byte[] pixelFields(%s e) {", root.javaName());
        w.line("JsonOut out = JsonOut.pooled();");
        pixelNodes(model.pixelEvent(), "e", root);
        w.line("JsonValues.writeFields(out, e.additional);");
        w.line("return out.toByteArray();");
        w.close("}");
        w.line("");
    }

    /** Writes 1.0 properties; {@code base} is the variable holding the facade object their relative sources start at. */
    private void pixelNodes(List<PixelNode> nodes, String base, ModelClass baseClass) {
        JavaFile w = w();
        for (PixelNode node : nodes) {
            String n = name(node.wireName());
            if (node.isContainer()) {
                String mark = "m" + (++variables);
                w.line("long %s = out.mark();", mark);
                w.line("out.name(%s).beginObject();", n);
                pixelNodes(node.children(), base, baseClass);
                w.line("out.endObjectOrDrop(%s);", mark);
                continue;
            }
            String expr = node.absolute() ? path("e", model.root(), node.source()) : path(base, baseClass, node.source());
            ModelField source = node.sourceField();
            if (source.kind() == FieldKind.OBJECT) {
                String var = "v" + (++variables);
                w.open("{");
                w.line("%s %s = %s;", source.typeName(), var, expr);
                w.open("if (%s != null) {", var);
                String mark = "m" + (++variables);
                w.line("long %s = out.mark();", mark);
                w.line("out.name(%s).beginObject();", n);
                pixelNodes(node.children(), var, node.sourceClass());
                w.line("JsonValues.writeFields(out, %s.additional);", var);
                w.line("out.endObjectOrDrop(%s);", mark);
                w.close("}");
                w.close("}");
            } else if (source.kind() == FieldKind.OBJECT_LIST) {
                String list = "l" + (++variables);
                String item = "v" + (++variables);
                w.open("{");
                w.line("List<%s> %s = %s;", source.typeName(), list, expr);
                StringBuilder any = new StringBuilder("(" + list + " != null && !" + list + ".isEmpty())");
                List<String> extraLists = new java.util.ArrayList<>();
                for (PixelNode.ItemSource extra : node.moreItems()) {
                    String extraList = "l" + (++variables);
                    w.line("List<String> %s = %s;", extraList, path("e", model.root(), extra.source()));
                    any.append(" || (").append(extraList).append(" != null && !").append(extraList).append(".isEmpty())");
                    extraLists.add(extraList);
                }
                w.open("if (%s) {", any);
                w.line("out.name(%s).beginArray();", n);
                w.open("if (%s != null) {", list);
                String index = "i" + (++variables);
                w.open("for (int %s = 0; %s < %s.size(); %s++) {", index, index, list, index);
                w.line("%s %s = %s.get(%s);", source.typeName(), item, list, index);
                w.line("out.beginObject();");
                pixelNodes(node.children(), item, node.sourceClass());
                w.line("JsonValues.writeFields(out, %s.additional);", item);
                w.line("out.endObject();");
                w.close("}");
                w.close("}");
                for (int i = 0; i < extraLists.size(); i++) {
                    String value = "s" + (++variables);
                    w.line("// %s: each value becomes an item of its own", node.moreItems().get(i).source());
                    w.open("if (%s != null) {", extraLists.get(i));
                    String at = "i" + (++variables);
                    w.open("for (int %s = 0; %s < %s.size(); %s++) {", at, at, extraLists.get(i), at);
                    w.line("String %s = %s.get(%s);", value, extraLists.get(i), at);
                    w.line("out.beginObject().name(%s).value(%s).endObject();", name(node.moreItems().get(i).itemProperty()), value);
                    w.close("}");
                    w.close("}");
                }
                w.line("out.endArray();");
                w.close("}");
                w.close("}");
            } else if (source.kind() == FieldKind.PII_LIST || source.kind() == FieldKind.STRING_LIST) {
                // 1.0 takes one value where 2.0 takes several: the first one given
                w.line("JsonValues.first(out, %s, %s);", n, expr);
            } else if (source.kind() == FieldKind.TIME) {
                w.line("out.name(%s).isoSecondsValue(%s.epochSecond, %s.offsetSeconds());", n, expr, expr);
            } else if (source.kind() == FieldKind.NUMBER) {
                String var = "v" + (++variables);
                String number = node.absolute() ? path("e", model.root(), node.source(), "Double.NaN")
                        : path(base, baseClass, node.source(), "Double.NaN");
                String exact = node.absolute() ? path("e", model.root(), node.source().split("\\."), 0, "null", "Exact")
                        : path(base, baseClass, node.source().split("\\."), 0, "null", "Exact");
                w.line("double %s = %s;", var, number);
                value(source, var, node.wireName(), exact);
            } else {
                String var = "v" + (++variables);
                w.line("%s %s = %s;", JavaTypes.fieldType(source), var, expr);
                value(source, var, node.wireName());
            }
        }
    }

    /** A null-safe expression for a dotted path of fields starting at {@code base}. */
    private String path(String base, ModelClass baseClass, String dotted) {
        return path(base, baseClass, dotted, "null");
    }

    /** The same, with {@code absent} standing for a missing nested object ({@code Double.NaN} for unboxed numbers). */
    private String path(String base, ModelClass baseClass, String dotted, String absent) {
        return path(base, baseClass, dotted.split("\\."), 0, absent, "");
    }

    /** The same, with {@code suffix} added to the last field's name (the {@code BigDecimal} twin of a number). */
    private String path(String base, ModelClass type, String[] parts, int index, String absent, String suffix) {
        ModelField field = type.field(parts[index]);
        String here = base + "." + field.javaName();
        if (index == parts.length - 1) {
            return here + suffix;
        }
        // the step into a nested object, which may be absent
        return "(" + here + " == null ? " + absent + " : " + path(here, model.byJavaName(field.typeName()), parts, index + 1, absent, suffix) + ")";
    }

    // ------------------------------------------------------------------ the internals' door

    private void access(ModelClass root) {
        JavaFile w = out;
        w.line("/** Gives internals an event's request bytes, made once per edition and kept on the event. */");
        w.open("static final class Access implements EventWire.Access {");
        w.line("@Override");
        w.open("public byte[] json(%s event) {", root.javaName());
        w.line("byte[] json = event.eventsApi2Json;");
        w.open("if (json == null) {");
        w.line("json = EventWriters.eventsApi2(event);");
        w.line("event.eventsApi2Json = json;");
        w.close("}");
        w.line("return json;");
        w.close("}");
        w.line("");
        w.line("@Override");
        w.open("public byte[] pixelFields(%s event) {", root.javaName());
        w.line("byte[] json = event.pixelJson;");
        w.open("if (json == null) {");
        w.line("json = EventWriters.pixelFields(event);");
        w.line("event.pixelJson = json;");
        w.close("}");
        w.line("return json;");
        w.close("}");
        w.close("}");
    }
}
