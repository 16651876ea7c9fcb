package io.github.tiktokevents.codegen;

import java.util.List;

/**
 * Writes {@code Envelopes}: the request envelopes' heads, made once per client from its settings, so the envelope
 * field names come from the spec like the event's ({@code x-tiktok-setting} says which setting fills each).
 */
final class EnvelopeEmitter {
    static final String PACKAGE = "io.github.tiktokevents.internal.wire";

    private final FacadeModel model;
    private final JavaFile out;

    private EnvelopeEmitter(FacadeModel model) {
        this.model = model;
        this.out = new JavaFile(model.specName(), null, PACKAGE);
    }

    static String emit(FacadeModel model) {
        return new EnvelopeEmitter(model).emit();
    }

    private String emit() {
        List<Envelope> envelopes = model.envelopes();
        out.line("import %s.EventSource;", FacadeGenerator.MODEL_PACKAGE);
        out.line("import java.util.Arrays;");
        out.line("import javax.annotation.processing.Generated;");
        out.line("");
        out.javadoc("The heads of the request envelopes, generated from the spec: everything a request body holds before\n"
                + "its events, written from the client's settings. A client makes each head once.",
                "<p>Internal: not part of the SDK's API; it may change or disappear in any release.");
        out.generatedAnnotation(model.specName(), null);
        out.open("public final class Envelopes {");
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        envelopes.forEach(e -> e.fields().forEach(f -> names.add(f.wireName())));
        for (String name : names) {
            out.line("private static final byte[] %s = JsonOut.name(%s);", constant(name), JavaNames.literal(name));
        }
        out.line("");
        Envelope item = envelopes.get(3);
        out.line("/** What every 1.0 batch item starts with ({@code %s}'s constant properties), before the event's own. */",
                item.schemaName());
        out.line("public static final byte[] PIXEL_BATCH_ITEM_HEAD = pixelBatchItemHead();");
        out.line("");
        out.open("private Envelopes() {");
        out.close("}");
        out.line("");
        head("eventsApi2Head", envelopes.get(0), true, "up to and including the opening of its events array");
        head("pixelTrackHead", envelopes.get(1), false, "then a comma: the one event's properties follow in the same object");
        head("pixelBatchHead", envelopes.get(2), false, "up to and including the opening of its events array");
        out.open("private static byte[] pixelBatchItemHead() {");
        out.line("JsonOut head = new JsonOut(32).beginObject();");
        fields(item);
        out.line("return withComma(head.toByteArray());");
        out.close("}");
        out.line("");
        out.open("private static byte[] withComma(byte[] json) {");
        out.line("byte[] head = Arrays.copyOf(json, json.length + 1);");
        out.line("head[json.length] = ',';");
        out.line("return head;");
        out.close("}");
        out.close("}");
        return out.toString();
    }

    private void head(String method, Envelope envelope, boolean takesSource, String ends) {
        boolean events = envelope.fields().stream().anyMatch(f -> f.setting().equals("events"));
        out.javadoc("The head of a {@code " + envelope.schemaName() + "} body, " + ends + ".",
                (takesSource ? "@param source the events' source\n" : "")
                        + "@param sourceId the id of the events' source\n@param testEventCode the test event code, or null\n"
                        + "@param partnerName the partner name, or null\n@return the head bytes");
        out.open("public static byte[] %s(%sString sourceId, String testEventCode, String partnerName) {", method,
                takesSource ? "EventSource source, " : "");
        out.line("JsonOut head = new JsonOut(160).beginObject();");
        fields(envelope);
        out.line(events ? "return head.toByteArray();" : "return withComma(head.toByteArray());");
        out.close("}");
        out.line("");
    }

    private void fields(Envelope envelope) {
        for (Envelope.Field f : envelope.fields()) {
            String n = constant(f.wireName());
            switch (f.setting()) {
                case "event-source" -> out.line("head.name(%s).value(source.wireValue());", n);
                case "source-id" -> out.line("head.name(%s).value(sourceId);", n);
                case "test-event-code" -> out.line("if (testEventCode != null) head.name(%s).value(testEventCode);", n);
                case "partner-name" -> out.line("if (partnerName != null) head.name(%s).value(partnerName);", n);
                case "events" -> out.line("head.name(%s).beginArray();", n);
                case "constant" -> out.line("head.name(%s).value(%s);", n, JavaNames.literal(f.constant()));
                default -> throw new IllegalStateException(f.setting());
            }
        }
    }

    private static String constant(String wire) {
        return "N_" + JavaNames.constant(wire);
    }
}
