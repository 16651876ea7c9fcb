package io.github.tiktokevents.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the spec into a {@link FacadeModel}: the Events API 2.0 event and every object it reaches become facade
 * classes; enums become open value types; the Events API 1.0 event is mapped onto them through
 * {@code x-tiktok-from}. Whatever request property it cannot place is recorded as drift, never skipped silently.
 */
final class SpecReader {
    static final String EVENTS_API_2 = "eventTrack";
    static final String PIXEL_TRACK = "pixelTrack";
    static final String PIXEL_BATCH = "pixelBatch";

    private final OpenAPI api;
    private final SpecSchemas schemas;
    private final Map<String, ModelClass> classesBySchema = new LinkedHashMap<>();
    private final Map<String, OpenEnum> enums = new LinkedHashMap<>();
    private final Map<String, String> facadeSet = new LinkedHashMap<>();
    private final List<String> unreachable = new ArrayList<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SpecReader(OpenAPI api) {
        this.api = api;
        this.schemas = new SpecSchemas((Map) api.getComponents().getSchemas());
    }

    /** Parses the spec; a spec the parser cannot read fails with its messages. */
    static FacadeModel read(Path spec) {
        ParseOptions options = new ParseOptions();
        options.setResolve(false);
        SwaggerParseResult result = new OpenAPIV3Parser().readLocation(spec.toUri().toString(), null, options);
        if (result.getOpenAPI() == null) {
            throw new IllegalArgumentException("Cannot read " + spec + ": " + result.getMessages());
        }
        return new SpecReader(result.getOpenAPI()).model(spec.getFileName().toString());
    }

    private FacadeModel model(String specName) {
        Schema<?> v2Request = requestSchema(EVENTS_API_2);
        String v2Name = schemas.refName(v2Request);
        String rootSchema = envelope(v2Name, schemas.component(v2Name));
        String eventSourceEnum = schemas.refName(schemas.property(schemas.component(v2Name), "event_source"));
        if (eventSourceEnum == null || !schemas.isEnum(schemas.component(eventSourceEnum))) {
            throw new IllegalArgumentException(v2Name + ".event_source must refer to an enum schema");
        }
        enums.put(eventSourceEnum, openEnum(eventSourceEnum, schemas.component(eventSourceEnum)));
        readClasses(rootSchema);

        String batchName = schemas.refName(requestSchema(PIXEL_BATCH));
        String pixelEventSchema = envelope(batchName, schemas.component(batchName));
        PixelMapper pixel = new PixelMapper(schemas, List.copyOf(classesBySchema.values()), facadeSet, unreachable);
        List<PixelNode> pixelEvent = pixel.pixelChildren(pixelEventSchema, schemas.component(pixelEventSchema),
                classesBySchema.get(rootSchema));
        String trackName = schemas.refName(requestSchema(PIXEL_TRACK));
        pixel.checkTrackMatchesBatch(trackName, pixelEventSchema);
        List<Envelope> envelopes = List.of(envelopeFields(v2Name, true), envelopeFields(trackName, false),
                envelopeFields(batchName, true), envelopeFields(pixelEventSchema, false));

        return new FacadeModel(specName, List.copyOf(classesBySchema.values()), List.copyOf(enums.values()), pixelEvent,
                piiKinds(), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facadeSet)), envelopes, List.copyOf(unreachable));
    }

    private Schema<?> requestSchema(String operationId) {
        for (PathItem item : api.getPaths().values()) {
            Operation post = item.getPost();
            if (post != null && operationId.equals(post.getOperationId())) {
                return post.getRequestBody().getContent().get("application/json").getSchema();
            }
        }
        throw new IllegalArgumentException("The spec has no POST operation " + operationId);
    }

    /**
     * An envelope's properties are set by the facade, not the event model: each must say so with
     * {@code x-tiktok-facade}. Returns the schema of the events it carries (the items of its one array property).
     */
    private String envelope(String schemaName, Schema<?> schema) {
        String events = null;
        for (Map.Entry<String, Schema> property : schemas.properties(schema).entrySet()) {
            Schema<?> value = property.getValue();
            String where = schemaName + "." + property.getKey();
            if ("array".equals(value.getType()) && schemas.refName(value.getItems()) != null) {
                events = schemas.refName(value.getItems());
            }
            noteFacadeSet(where, value);
        }
        if (events == null) {
            throw new IllegalArgumentException(schemaName + " has no array of events");
        }
        return events;
    }

    /**
     * The envelope properties with {@code x-tiktok-setting}; {@code events} must be the last of them, because the
     * writer's head ends where the events begin.
     */
    @SuppressWarnings("rawtypes")
    private Envelope envelopeFields(String schemaName, boolean carriesEvents) {
        List<Envelope.Field> fields = new ArrayList<>();
        for (Map.Entry<String, Schema> property : schemas.properties(schemas.component(schemaName)).entrySet()) {
            String setting = schemas.string(schemas.extension(property.getValue(), "x-tiktok-setting"));
            String where = schemaName + "." + property.getKey();
            if (setting == null) {
                if (schemas.extension(property.getValue(), "x-tiktok-facade") != null) {
                    unreachable.add(where + ": set by the facade (x-tiktok-facade) but no x-tiktok-setting says with what");
                }
                continue;
            }
            if (!SETTINGS.contains(setting)) {
                unreachable.add(where + ": x-tiktok-setting '" + setting + "' is not one of " + SETTINGS);
                continue;
            }
            String constant = null;
            if (setting.equals("constant")) {
                Schema<?> value = property.getValue();
                if (value.getEnum() == null || value.getEnum().size() != 1) {
                    unreachable.add(where + ": a constant needs an enum of exactly one value");
                    continue;
                }
                constant = String.valueOf(value.getEnum().get(0));
            }
            if (!fields.isEmpty() && fields.get(fields.size() - 1).setting().equals("events")) {
                unreachable.add(where + ": follows the events array; the events must be the envelope's last property");
            }
            fields.add(new Envelope.Field(property.getKey(), setting, constant));
        }
        boolean hasEvents = fields.stream().anyMatch(f -> f.setting().equals("events"));
        if (carriesEvents != hasEvents) {
            unreachable.add(schemaName + ": " + (carriesEvents ? "has no property with x-tiktok-setting events"
                    : "must not carry an events array"));
        }
        return new Envelope(schemaName, List.copyOf(fields));
    }

    private static final java.util.Set<String> SETTINGS =
            java.util.Set.of("event-source", "source-id", "test-event-code", "partner-name", "events", "constant");

    private void noteFacadeSet(String where, Schema<?> value) {
        Object reason = schemas.extension(value, "x-tiktok-facade");
        if (reason == null) {
            unreachable.add(where + ": a request property with no facade field; describe it as an event field or say"
                    + " where the facade sets it with x-tiktok-facade");
        } else {
            facadeSet.put(where, reason.toString());
        }
    }

    // ------------------------------------------------------------------ Events API 2.0 objects

    private void readClasses(String rootSchema) {
        Deque<String[]> pending = new ArrayDeque<>();
        pending.add(new String[] {rootSchema, ""});
        while (!pending.isEmpty()) {
            String[] next = pending.poll();
            String schemaName = next[0];
            if (classesBySchema.containsKey(schemaName)) {
                continue;
            }
            Schema<?> schema = schemas.component(schemaName);
            List<ModelField> fields = new ArrayList<>();
            classesBySchema.put(schemaName, null); // reserves its place in spec order
            for (Map.Entry<String, Schema> property : schemas.properties(schema).entrySet()) {
                ModelField field = field(schemaName, property.getKey(), property.getValue(), schemas.required(schema, property.getKey()));
                if (field == null) {
                    continue;
                }
                fields.add(field);
                if (field.kind() == FieldKind.OBJECT || field.kind() == FieldKind.OBJECT_LIST) {
                    String path = next[1].isEmpty() ? field.wireName() : next[1] + "." + field.wireName();
                    pending.add(new String[] {schemaNameOfClass(field.typeName(), property.getValue()),
                            field.kind() == FieldKind.OBJECT_LIST ? path + "[]" : path});
                }
            }
            @SuppressWarnings("unchecked")
            List<String> of = schemas.extension(schema, "x-tiktok-of") instanceof List<?> list ? (List<String>) list : List.of();
            for (String arg : of) {
                ModelField f = fields.stream().filter(x -> x.wireName().equals(arg)).findFirst().orElse(null);
                if (f == null || f.kind() != FieldKind.STRING) {
                    throw new IllegalArgumentException(schemaName + ": x-tiktok-of names " + arg + ", which is not a string property");
                }
            }
            Object checks = schemas.extension(schema, "x-tiktok-checks");
            classesBySchema.put(schemaName, new ModelClass(schemaName, className(schemaName), next[1],
                    schema.getDescription(), List.copyOf(fields), List.copyOf(of), checks == null ? null : checks.toString(),
                    schemaName.equals(rootSchema)));
        }
    }

    private String schemaNameOfClass(String javaName, Schema<?> property) {
        Schema<?> target = "array".equals(property.getType()) ? property.getItems() : property;
        return schemas.refName(target);
    }

    private ModelField field(String owner, String name, Schema<?> property, boolean required) {
        String where = owner + "." + name;
        if (schemas.extension(property, "x-tiktok-facade") != null) {
            facadeSet.put(where, schemas.extension(property, "x-tiktok-facade").toString());
            return null;
        }
        String description = property.getDescription();
        String pii = schemas.string(schemas.extension(property, "x-tiktok-pii"));
        String normalise = schemas.string(schemas.extension(property, "x-tiktok-normalise"));
        String ref = schemas.refName(property);
        Schema<?> resolved = ref == null ? property : schemas.component(ref);
        if (description == null && resolved != null) {
            description = resolved.getDescription();
        }
        String javaName = JavaNames.camel(name);
        if (schemas.extension(property, "x-tiktok-time") != null) {
            return new ModelField(name, javaName, FieldKind.TIME, null, description, null, null, null, null, required);
        }
        if (pii != null) {
            if (!piiKinds().containsKey(pii)) {
                unreachable.add(where + ": x-tiktok-pii names the rule '" + pii + "', which info.x-tiktok-pii-kinds does not list");
                return null;
            }
            FieldKind kind = schemas.isListLike(resolved) ? FieldKind.PII_LIST : FieldKind.PII;
            if (kind == FieldKind.PII && !"string".equals(schemas.typeOf(resolved))) {
                unreachable.add(where + ": personal data must be a string or a list of strings");
                return null;
            }
            return new ModelField(name, javaName, kind, null, description, pii, null, null, null, required);
        }
        if (resolved != null && schemas.isEnum(resolved)) {
            String enumName = ref != null ? className(ref) : JavaNames.pascal(name);
            enums.putIfAbsent(enumName, openEnum(enumName, resolved));
            return new ModelField(name, javaName, FieldKind.ENUM, enumName, description, null, null, null, null, required);
        }
        if (ref != null && resolved != null && "object".equals(schemas.typeOf(resolved))) {
            return new ModelField(name, javaName, FieldKind.OBJECT, className(ref), description, null, null, null, null, required);
        }
        String type = schemas.typeOf(resolved);
        if ("array".equals(type)) {
            Schema<?> items = resolved.getItems();
            String itemRef = schemas.refName(items);
            Schema<?> item = itemRef == null ? items : schemas.component(itemRef);
            if (itemRef != null && "object".equals(schemas.typeOf(item))) {
                return new ModelField(name, javaName, FieldKind.OBJECT_LIST, className(itemRef), description, null, null, null, null, required);
            }
            if (item != null && "string".equals(schemas.typeOf(item)) && !schemas.isEnum(item)) {
                return new ModelField(name, javaName, FieldKind.STRING_LIST, null, description, null, null, null, null, required);
            }
            unreachable.add(where + ": an array of " + (item == null ? "unknown items" : schemas.typeOf(item))
                    + " is not a shape the facade generator supports (strings or objects with a schema name)");
            return null;
        }
        BigDecimal minimum = resolved == null ? null : resolved.getMinimum();
        String pattern = resolved == null ? null : resolved.getPattern();
        if ("string".equals(type)) {
            return new ModelField(name, javaName, FieldKind.STRING, null, description, null, normalise, pattern, null, required);
        }
        if ("integer".equals(type)) {
            FieldKind kind = "int64".equals(resolved.getFormat()) ? FieldKind.LONG : FieldKind.INTEGER;
            return new ModelField(name, javaName, kind, null, description, null, null, null, minimum, required);
        }
        if ("number".equals(type)) {
            return new ModelField(name, javaName, FieldKind.NUMBER, null, description, null, null, null, minimum, required);
        }
        if ("boolean".equals(type)) {
            String booleanName = javaName.startsWith("is") && javaName.length() > 2 && Character.isUpperCase(javaName.charAt(2))
                    ? Character.toLowerCase(javaName.charAt(2)) + javaName.substring(3) : javaName;
            return new ModelField(name, booleanName, FieldKind.BOOLEAN, null, description, null, null, null, null, required);
        }
        unreachable.add(where + ": " + (type == null ? "a schema without a type" : "type " + type)
                + (ref == null && "object".equals(type) ? " (an inline object: give it a schema name and $ref it)" : "")
                + " is not a shape the facade generator supports");
        return null;
    }

    private OpenEnum openEnum(String javaName, Schema<?> schema) {
        List<String> values = new ArrayList<>();
        for (Object value : schema.getEnum()) {
            values.add(String.valueOf(value));
        }
        return new OpenEnum(className(javaName), schema.getDescription(), List.copyOf(values));
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private Map<String, String> piiKinds() {
        Object kinds = api.getInfo().getExtensions() == null ? null : api.getInfo().getExtensions().get("x-tiktok-pii-kinds");
        if (!(kinds instanceof Map<?, ?> map)) {
            return Map.of();
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        return out;
    }

    private String className(String schemaName) {
        Schema<?> schema = schemas.component(schemaName);
        Object name = schema == null ? null : schemas.extension(schema, "x-tiktok-class");
        return name == null ? schemaName : name.toString();
    }
}
