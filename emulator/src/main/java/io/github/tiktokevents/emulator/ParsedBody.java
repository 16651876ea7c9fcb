package io.github.tiktokevents.emulator;

import io.github.tiktokevents.internal.rules.EventRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A request body, parsed once: its JSON object, or the reason it is not one. Parse errors name the position only,
 * never the content, which may be personal data.
 *
 * @param json the body's JSON object, or null when {@code problem} is present
 * @param problem why the body is not a JSON object, or empty
 */
record ParsedBody(JsonNode json, Optional<String> problem) {
    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Top-level 1.0 fields that describe the request, not the single event of {@code /pixel/track/}. */
    private static final Set<String> PIXEL_REQUEST_FIELDS = Set.of("pixel_code", "test_event_code", "partner_name");

    static ParsedBody parse(String body) {
        return parse(body, body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
    }

    /** Parses a body of the given size in bytes; one over the shared rules' bound is refused unread. */
    static ParsedBody parse(String body, long sizeBytes) {
        if (body.isBlank()) {
            return failed("Invalid parameters: the request body is empty; send a JSON object");
        }
        Optional<String> tooLarge = EventRules.requestSize(sizeBytes).map(f -> "Invalid parameters: the " + f.field() + " " + f.message());
        if (tooLarge.isPresent()) {
            return failed(tooLarge.get());
        }
        try {
            JsonNode json = MAPPER.readTree(body);
            if (!json.isObject()) {
                return failed("Invalid parameters: the request body must be a JSON object");
            }
            return new ParsedBody(json, Optional.empty());
        } catch (JacksonException e) {
            TokenStreamLocation where = e.getLocation();
            String position = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            return failed("Invalid parameters: the request body is not valid JSON" + position);
        }
    }

    private static ParsedBody failed(String problem) {
        return new ParsedBody(null, Optional.of(problem));
    }

    /** The {@code event_source_id} (2.0) or {@code pixel_code} (1.0) of a body, or null. */
    static String eventSourceIdOf(JsonNode json) {
        JsonNode id = json.has("event_source_id") ? json.get("event_source_id") : json.path("pixel_code");
        return id.isString() ? id.stringValue() : null;
    }

    /** The events the body carries, as far as its shape allows; empty when it is not JSON. */
    List<RecordedEvent> events(Endpoint endpoint, long sequence, boolean accepted) {
        if (json == null) {
            return List.of();
        }
        String sourceId = eventSourceIdOf(json);
        List<JsonNode> nodes = new ArrayList<>();
        Optional<String> field = endpoint.eventsField();
        if (field.isPresent()) {
            JsonNode array = json.path(field.get());
            if (array.isArray()) {
                array.values().forEach(nodes::add);
            }
        } else {
            ObjectNode event = ((ObjectNode) json).deepCopy();
            PIXEL_REQUEST_FIELDS.forEach(event::remove);
            nodes.add(event);
        }
        List<RecordedEvent> events = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            JsonNode node = nodes.get(i);
            Map<String, Object> fields = node.isObject() ? objectOf(node) : Map.of();
            events.add(new RecordedEvent(endpoint, sequence, i, sourceId, text(node, "event"), text(node, "event_id"),
                    fields, MAPPER.writeValueAsString(node), accepted));
        }
        return List.copyOf(events);
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isString() ? value.stringValue() : null;
    }

    private static Map<String, Object> objectOf(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), plain(entry.getValue())));
        return Collections.unmodifiableMap(map);
    }

    private static Object plain(JsonNode node) {
        if (node.isObject()) {
            return objectOf(node);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>();
            node.values().forEach(element -> list.add(plain(element)));
            return Collections.unmodifiableList(list);
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.doubleValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString()) {
            return node.stringValue();
        }
        return null;
    }
}
