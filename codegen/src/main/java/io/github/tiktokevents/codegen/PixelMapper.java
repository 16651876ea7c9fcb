package io.github.tiktokevents.codegen;

import io.swagger.v3.oas.models.media.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Places every property of the Events API 1.0 event on the facade event, as {@code x-tiktok-from} says (or by
 * name), and records the ones it cannot place as drift.
 */
final class PixelMapper {
    private final SpecSchemas schemas;
    private final List<ModelClass> classes;
    private final Map<String, String> facadeSet;
    private final List<String> unreachable;

    PixelMapper(SpecSchemas schemas, List<ModelClass> classes, Map<String, String> facadeSet, List<String> unreachable) {
        this.schemas = schemas;
        this.classes = classes;
        this.facadeSet = facadeSet;
        this.unreachable = unreachable;
    }

    /**
     * The properties of a 1.0 object, each placed on the facade event. A property without {@code x-tiktok-from} is
     * the field of the same name of {@code base} (the facade object the parent is filled from); {@code x-tiktok-from}
     * paths start at the event.
     */
    List<PixelNode> pixelChildren(String owner, Schema<?> schema, ModelClass base) {
        List<PixelNode> nodes = new ArrayList<>();
        ModelClass root = classes.get(0);
        for (Map.Entry<String, Schema> property : schemas.properties(schema).entrySet()) {
            String name = property.getKey();
            Schema<?> value = property.getValue();
            String where = owner + "." + name;
            if (schemas.extension(value, "x-tiktok-facade") != null) {
                facadeSet.put(where, schemas.extension(value, "x-tiktok-facade").toString());
                continue;
            }
            Object fromExtension = schemas.extension(value, "x-tiktok-from");
            List<String> alsoFrom = List.of();
            if (fromExtension instanceof List<?> sources && !sources.isEmpty()) {
                // a 1.0 list filled from several facade lists: the first gives whole items, the others
                // "path -> property" items of one property each
                alsoFrom = sources.subList(1, sources.size()).stream().map(String::valueOf).toList();
                fromExtension = sources.get(0);
            }
            String from = schemas.string(fromExtension);
            if ("$".equals(from)) {
                // filled from the event itself: a group of properties that each say where they come from
                String ref = schemas.refName(value);
                nodes.add(new PixelNode(name, null, false, null, null,
                        pixelChildren(ref, ref == null ? value : schemas.component(ref), root), List.of()));
                continue;
            }
            boolean absolute = from != null;
            String path = absolute ? from : name;
            Resolved target = resolveFrom(absolute ? root : base, path);
            String ref = schemas.refName(value);
            Schema<?> resolved = ref == null ? value : schemas.component(ref);
            boolean object = "object".equals(schemas.typeOf(resolved));
            boolean objectList = "array".equals(schemas.typeOf(resolved)) && schemas.refName(resolved.getItems()) != null
                    && "object".equals(schemas.typeOf(schemas.component(schemas.refName(resolved.getItems()))));
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
                String itemRef = object ? ref : schemas.refName(resolved.getItems());
                if ((objectList && target.field.kind() != FieldKind.OBJECT_LIST) || target.objectClass == null) {
                    unreachable.add(where + ": " + shown + " is not " + (objectList ? "a list of objects" : "an object"));
                    continue;
                }
                List<PixelNode.ItemSource> items = new ArrayList<>();
                for (String also : alsoFrom) {
                    PixelNode.ItemSource item = itemSource(where, also, root, schemas.component(itemRef));
                    if (item != null) {
                        items.add(item);
                    }
                }
                nodes.add(new PixelNode(name, path, absolute, target.field, target.objectClass,
                        pixelChildren(itemRef, schemas.component(itemRef), target.objectClass), List.copyOf(items)));
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
        if (!schemas.properties(itemSchema).containsKey(property)) {
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
                    : classes.stream().filter(c -> c.javaName().equals(type)).findFirst().orElse(null);
        }
        return new Resolved(field, current);
    }

    void checkTrackMatchesBatch(String trackSchema, String batchEventSchema) {
        Map<String, Schema> batchProperties = schemas.properties(schemas.component(batchEventSchema));
        for (Map.Entry<String, Schema> property : schemas.properties(schemas.component(trackSchema)).entrySet()) {
            String where = trackSchema + "." + property.getKey();
            if (schemas.extension(property.getValue(), "x-tiktok-facade") != null) {
                facadeSet.put(where, schemas.extension(property.getValue(), "x-tiktok-facade").toString());
            } else if (!batchProperties.containsKey(property.getKey())) {
                unreachable.add(where + ": the facade writes a single 1.0 event with the properties of " + batchEventSchema
                        + ", which has no " + property.getKey());
            } else if (!Objects.equals(schemas.extension(property.getValue(), "x-tiktok-from"),
                    schemas.extension(batchProperties.get(property.getKey()), "x-tiktok-from"))) {
                unreachable.add(where + ": its x-tiktok-from differs from " + batchEventSchema + "." + property.getKey());
            }
        }
    }
}
