package io.github.tiktokevents.codegen;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ComposedSchema;
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
import java.util.Objects;

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
    private final Map<String, Schema<?>> components;
    private final Map<String, ModelClass> classesBySchema = new LinkedHashMap<>();
    private final Map<String, OpenEnum> enums = new LinkedHashMap<>();
    private final Map<String, String> facadeSet = new LinkedHashMap<>();
    private final List<String> unreachable = new ArrayList<>();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private SpecReader(OpenAPI api) {
        this.api = api;
        this.components = (Map) api.getComponents().getSchemas();
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
        String v2Name = refName(v2Request);
        String rootSchema = envelope(v2Name, components.get(v2Name));
        String eventSourceEnum = refName(property(components.get(v2Name), "event_source"));
        if (eventSourceEnum == null || !isEnum(components.get(eventSourceEnum))) {
            throw new IllegalArgumentException(v2Name + ".event_source must refer to an enum schema");
        }
        enums.put(eventSourceEnum, openEnum(eventSourceEnum, components.get(eventSourceEnum)));
        readClasses(rootSchema);

        String batchName = refName(requestSchema(PIXEL_BATCH));
        String pixelEventSchema = envelope(batchName, components.get(batchName));
        List<PixelNode> pixelEvent = pixelChildren(pixelEventSchema, components.get(pixelEventSchema),
                classesBySchema.get(rootSchema));
        String trackName = refName(requestSchema(PIXEL_TRACK));
        checkTrackMatchesBatch(trackName, pixelEventSchema);

        return new FacadeModel(specName, List.copyOf(classesBySchema.values()), List.copyOf(enums.values()), pixelEvent,
                piiKinds(), java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facadeSet)), List.copyOf(unreachable));
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
        for (Map.Entry<String, Schema> property : properties(schema).entrySet()) {
            Schema<?> value = property.getValue();
            String where = schemaName + "." + property.getKey();
            if ("array".equals(value.getType()) && refName(value.getItems()) != null) {
                events = refName(value.getItems());
            }
            noteFacadeSet(where, value);
        }
        if (events == null) {
            throw new IllegalArgumentException(schemaName + " has no array of events");
        }
        return events;
    }

    private void noteFacadeSet(String where, Schema<?> value) {
        Object reason = extension(value, "x-tiktok-facade");
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
            Schema<?> schema = components.get(schemaName);
            List<ModelField> fields = new ArrayList<>();
            classesBySchema.put(schemaName, null); // reserves its place in spec order
            for (Map.Entry<String, Schema> property : properties(schema).entrySet()) {
                ModelField field = field(schemaName, property.getKey(), property.getValue(), required(schema, property.getKey()));
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
            List<String> of = extension(schema, "x-tiktok-of") instanceof List<?> list ? (List<String>) list : List.of();
            for (String arg : of) {
                ModelField f = fields.stream().filter(x -> x.wireName().equals(arg)).findFirst().orElse(null);
                if (f == null || f.kind() != FieldKind.STRING) {
                    throw new IllegalArgumentException(schemaName + ": x-tiktok-of names " + arg + ", which is not a string property");
                }
            }
            Object checks = extension(schema, "x-tiktok-checks");
            classesBySchema.put(schemaName, new ModelClass(schemaName, className(schemaName), next[1],
                    schema.getDescription(), List.copyOf(fields), List.copyOf(of), checks == null ? null : checks.toString(),
                    schemaName.equals(rootSchema)));
        }
    }

    private String schemaNameOfClass(String javaName, Schema<?> property) {
        Schema<?> target = "array".equals(property.getType()) ? property.getItems() : property;
        return refName(target);
    }

    private ModelField field(String owner, String name, Schema<?> property, boolean required) {
        String where = owner + "." + name;
        if (extension(property, "x-tiktok-facade") != null) {
            facadeSet.put(where, extension(property, "x-tiktok-facade").toString());
            return null;
        }
        String description = property.getDescription();
        String pii = string(extension(property, "x-tiktok-pii"));
        String normalise = string(extension(property, "x-tiktok-normalise"));
        String ref = refName(property);
        Schema<?> resolved = ref == null ? property : components.get(ref);
        if (description == null && resolved != null) {
            description = resolved.getDescription();
        }
        String javaName = JavaNames.camel(name);
        if (extension(property, "x-tiktok-time") != null) {
            return new ModelField(name, javaName, FieldKind.TIME, null, description, null, null, null, null, required);
        }
        if (pii != null) {
            if (!piiKinds().containsKey(pii)) {
                unreachable.add(where + ": x-tiktok-pii names the rule '" + pii + "', which info.x-tiktok-pii-kinds does not list");
                return null;
            }
            FieldKind kind = isListLike(resolved) ? FieldKind.PII_LIST : FieldKind.PII;
            if (kind == FieldKind.PII && !"string".equals(typeOf(resolved))) {
                unreachable.add(where + ": personal data must be a string or a list of strings");
                return null;
            }
            return new ModelField(name, javaName, kind, null, description, pii, null, null, null, required);
        }
        if (resolved != null && isEnum(resolved)) {
            String enumName = ref != null ? className(ref) : JavaNames.pascal(name);
            enums.putIfAbsent(enumName, openEnum(enumName, resolved));
            return new ModelField(name, javaName, FieldKind.ENUM, enumName, description, null, null, null, null, required);
        }
        if (ref != null && resolved != null && "object".equals(typeOf(resolved))) {
            return new ModelField(name, javaName, FieldKind.OBJECT, className(ref), description, null, null, null, null, required);
        }
        String type = typeOf(resolved);
        if ("array".equals(type)) {
            Schema<?> items = resolved.getItems();
            String itemRef = refName(items);
            Schema<?> item = itemRef == null ? items : components.get(itemRef);
            if (itemRef != null && "object".equals(typeOf(item))) {
                return new ModelField(name, javaName, FieldKind.OBJECT_LIST, className(itemRef), description, null, null, null, null, required);
            }
            if (item != null && "string".equals(typeOf(item)) && !isEnum(item)) {
                return new ModelField(name, javaName, FieldKind.STRING_LIST, null, description, null, null, null, null, required);
            }
            unreachable.add(where + ": an array of " + (item == null ? "unknown items" : typeOf(item))
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

    // ------------------------------------------------------------------ Events API 1.0

    /**
     * The properties of a 1.0 object, each placed on the facade event. A property without {@code x-tiktok-from} is
     * the field of the same name of {@code base} (the facade object the parent is filled from); {@code x-tiktok-from}
     * paths start at the event.
     */
    private List<PixelNode> pixelChildren(String owner, Schema<?> schema, ModelClass base) {
        List<PixelNode> nodes = new ArrayList<>();
        ModelClass root = classesBySchema.values().iterator().next();
        for (Map.Entry<String, Schema> property : properties(schema).entrySet()) {
            String name = property.getKey();
            Schema<?> value = property.getValue();
            String where = owner + "." + name;
            if (extension(value, "x-tiktok-facade") != null) {
                facadeSet.put(where, extension(value, "x-tiktok-facade").toString());
                continue;
            }
            Object fromExtension = extension(value, "x-tiktok-from");
            List<String> alsoFrom = List.of();
            if (fromExtension instanceof List<?> sources && !sources.isEmpty()) {
                // a 1.0 list filled from several facade lists: the first gives whole items, the others
                // "path -> property" items of one property each
                alsoFrom = sources.subList(1, sources.size()).stream().map(String::valueOf).toList();
                fromExtension = sources.get(0);
            }
            String from = string(fromExtension);
            if ("$".equals(from)) {
                // filled from the event itself: a group of properties that each say where they come from
                String ref = refName(value);
                nodes.add(new PixelNode(name, null, false, null, null,
                        pixelChildren(ref, ref == null ? value : components.get(ref), root), List.of()));
                continue;
            }
            boolean absolute = from != null;
            String path = absolute ? from : name;
            Resolved target = resolveFrom(absolute ? root : base, path);
            String ref = refName(value);
            Schema<?> resolved = ref == null ? value : components.get(ref);
            boolean object = "object".equals(typeOf(resolved));
            boolean objectList = "array".equals(typeOf(resolved)) && refName(resolved.getItems()) != null
                    && "object".equals(typeOf(components.get(refName(resolved.getItems()))));
            String shown = absolute ? path : (base.path().isEmpty() ? path : base.path() + "." + path);
            if (object && (target == null || target.field.kind() != FieldKind.OBJECT)) {
                if (absolute && target == null) {
                    unreachable.add(where + ": x-tiktok-from " + from + " is not a field of the facade event");
                    continue;
                }
                // a container: no facade object of its own; its properties say where they come from
                nodes.add(new PixelNode(name, null, false, null, null, pixelChildren(ref, resolved, base), List.of()));
            } else if (target == null) {
                unreachable.add(where + ": no facade field at " + shown
                        + " (add x-tiktok-from naming one, or x-tiktok-facade saying where it is set)");
            } else if (object || objectList) {
                String itemRef = object ? ref : refName(resolved.getItems());
                if ((objectList && target.field.kind() != FieldKind.OBJECT_LIST) || target.objectClass == null) {
                    unreachable.add(where + ": " + shown + " is not " + (objectList ? "a list of objects" : "an object"));
                    continue;
                }
                List<PixelNode.ItemSource> items = new ArrayList<>();
                for (String also : alsoFrom) {
                    PixelNode.ItemSource item = itemSource(where, also, root, components.get(itemRef));
                    if (item != null) {
                        items.add(item);
                    }
                }
                nodes.add(new PixelNode(name, path, absolute, target.field, target.objectClass,
                        pixelChildren(itemRef, components.get(itemRef), target.objectClass), List.copyOf(items)));
            } else if (target.field.kind() == FieldKind.OBJECT || target.field.kind() == FieldKind.OBJECT_LIST) {
                unreachable.add(where + ": " + shown + " is an object, but the 1.0 property is not");
            } else {
                nodes.add(new PixelNode(name, path, absolute, target.field, null, List.of(), List.of()));
            }
        }
        return List.copyOf(nodes);
    }

    /** {@code "properties.content_ids -> content_id"}: a facade list of strings, each sent as an item with one property. */
    private PixelNode.ItemSource itemSource(String where, String spec, ModelClass root, Schema<?> itemSchema) {
        String[] parts = spec.split("->");
        Resolved list = parts.length == 2 ? resolveFrom(root, parts[0].trim()) : null;
        String property = parts.length == 2 ? parts[1].trim() : null;
        if (list == null || list.field.kind() != FieldKind.STRING_LIST) {
            unreachable.add(where + ": x-tiktok-from entry '" + spec + "' must be 'a facade list of strings -> an item property'");
            return null;
        }
        if (!properties(itemSchema).containsKey(property)) {
            unreachable.add(where + ": x-tiktok-from entry '" + spec + "' names no property of the list's items");
            return null;
        }
        return new PixelNode.ItemSource(parts[0].trim(), list.field, property);
    }

    /** A facade field found by its path, and the facade class it holds when it is an object or a list of them. */
    private record Resolved(ModelField field, ModelClass objectClass) {
    }

    private Resolved resolveFrom(ModelClass start, String path) {
        ModelClass current = start;
        ModelField field = null;
        for (String part : path.split("\\.")) {
            if (current == null) {
                return null;
            }
            field = current.field(part);
            if (field == null) {
                return null;
            }
            String type = field.kind() == FieldKind.ENUM ? null : field.typeName();
            current = type == null ? null
                    : classesBySchema.values().stream().filter(c -> c.javaName().equals(type)).findFirst().orElse(null);
        }
        return new Resolved(field, current);
    }

    private void checkTrackMatchesBatch(String trackSchema, String batchEventSchema) {
        Map<String, Schema> batchProperties = properties(components.get(batchEventSchema));
        for (Map.Entry<String, Schema> property : properties(components.get(trackSchema)).entrySet()) {
            String where = trackSchema + "." + property.getKey();
            if (extension(property.getValue(), "x-tiktok-facade") != null) {
                facadeSet.put(where, extension(property.getValue(), "x-tiktok-facade").toString());
            } else if (!batchProperties.containsKey(property.getKey())) {
                unreachable.add(where + ": the facade writes a single 1.0 event with the properties of " + batchEventSchema
                        + ", which has no " + property.getKey());
            } else if (!Objects.equals(extension(property.getValue(), "x-tiktok-from"),
                    extension(batchProperties.get(property.getKey()), "x-tiktok-from"))) {
                unreachable.add(where + ": its x-tiktok-from differs from " + batchEventSchema + "." + property.getKey());
            }
        }
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
        Schema<?> schema = components.get(schemaName);
        Object name = schema == null ? null : extension(schema, "x-tiktok-class");
        return name == null ? schemaName : name.toString();
    }

    @SuppressWarnings("rawtypes")
    private static Map<String, Schema> properties(Schema<?> schema) {
        return schema == null || schema.getProperties() == null ? Map.of() : schema.getProperties();
    }

    private static Schema<?> property(Schema<?> schema, String name) {
        return properties(schema).get(name);
    }

    private static boolean required(Schema<?> schema, String name) {
        return schema.getRequired() != null && schema.getRequired().contains(name);
    }

    /** The component a schema refers to, directly or as the one element of an {@code allOf}. */
    private static String refName(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.get$ref() != null) {
            return schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
        }
        if (schema instanceof ComposedSchema composed && composed.getAllOf() != null && composed.getAllOf().size() == 1) {
            return refName(composed.getAllOf().get(0));
        }
        return null;
    }

    private String typeOf(Schema<?> schema) {
        if (schema == null) {
            return null;
        }
        if (schema.getType() != null) {
            return schema.getType();
        }
        String ref = refName(schema);
        if (ref != null) {
            return typeOf(components.get(ref));
        }
        if (schema.getProperties() != null) {
            return "object";
        }
        return null;
    }

    private boolean isListLike(Schema<?> schema) {
        if (schema == null) {
            return false;
        }
        if ("array".equals(typeOf(schema))) {
            return true;
        }
        if (schema instanceof ComposedSchema composed && composed.getOneOf() != null) {
            for (Schema<?> alternative : composed.getOneOf()) {
                String ref = refName(alternative);
                if (isListLike(ref == null ? alternative : components.get(ref))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean isEnum(Schema<?> schema) {
        return schema != null && schema.getEnum() != null && !schema.getEnum().isEmpty();
    }

    private static Object extension(Schema<?> schema, String name) {
        return schema == null || schema.getExtensions() == null ? null : schema.getExtensions().get(name);
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }
}
