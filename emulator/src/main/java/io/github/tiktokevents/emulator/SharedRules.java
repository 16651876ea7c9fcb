package io.github.tiktokevents.emulator;

import io.github.tiktokevents.internal.rules.EventFacts;
import io.github.tiktokevents.internal.rules.EventRules;
import io.github.tiktokevents.internal.rules.RuleFinding;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Applies the rules the SDK applies too ({@link EventRules}, from the spec's {@code info.x-tiktok-rules}) to each
 * event of a schema-valid body: age windows and future times, currencies, value with currency, web events with a
 * page, and the longest text value. Errors refuse the request; warnings (a near-miss event name, an old event of a
 * source without a window) do not, as TikTok accepts such events.
 */
final class SharedRules {
    private final EventRules rules;

    SharedRules(EventRules rules) {
        this.rules = rules;
    }

    /** The first error in the body's events, as TikTok's message, or empty. */
    Optional<String> problem(Endpoint endpoint, JsonNode body) {
        switch (endpoint) {
            case EVENT_TRACK: {
                String source = body.path("event_source").isString() ? body.path("event_source").stringValue() : "";
                return firstProblem("$.data", body.path("data"), source, false);
            }
            case PIXEL_TRACK:
                return problem("$", body, "web", true);
            case PIXEL_BATCH:
                return firstProblem("$.batch", body.path("batch"), "web", true);
            default:
                throw new IllegalStateException("unknown endpoint " + endpoint);
        }
    }

    private Optional<String> firstProblem(String path, JsonNode events, String source, boolean pixel) {
        for (int i = 0; i < events.size(); i++) {
            Optional<String> problem = problem(path + "[" + i + "]", events.get(i), source, pixel);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private Optional<String> problem(String path, JsonNode event, String source, boolean pixel) {
        Optional<String> text = longText(event, path.equals("$") ? "$" : path);
        if (text.isPresent()) {
            return text;
        }
        JsonNode properties = event.path("properties");
        JsonNode page = pixel ? event.path("context").path("page") : event.path("page");
        JsonNode currency = properties.path("currency");
        EventFacts facts = new EventFacts(source, event.path("event").isString() ? event.path("event").stringValue() : "",
                pixel ? pixelSeconds(event.path("timestamp"), rules) : event.path("event_time").asLong(),
                page.isObject(), properties.path("value").isNumber(), currency.isString() ? currency.stringValue() : null);
        for (RuleFinding finding : rules.check(facts)) {
            if (!finding.warning()) {
                String field = pixel && finding.field().equals("event_time") ? "timestamp"
                        : pixel && finding.field().equals("page") ? "context.page" : finding.field();
                return Optional.of("Invalid parameters: " + path + "." + field + ": " + finding.message());
            }
        }
        return Optional.empty();
    }

    /** A 1.0 timestamp in seconds; a missing one is "now" to TikTok, and a malformed one is the schema's concern. */
    private static long pixelSeconds(JsonNode timestamp, EventRules rules) {
        if (timestamp.isString()) {
            try {
                return OffsetDateTime.parse(timestamp.stringValue()).toEpochSecond();
            } catch (DateTimeParseException e) {
                // the schema's date-time format check owns this case
            }
        }
        return rules.now().getEpochSecond();
    }

    /** The first text value longer than the rules allow, anywhere in the event. */
    private static Optional<String> longText(JsonNode node, String path) {
        if (node.isString()) {
            return EventRules.text(path, node.stringValue().length())
                    .map(finding -> "Invalid parameters: " + finding.field() + ": " + finding.message());
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                Optional<String> problem = longText(node.get(i), path + "[" + i + "]");
                if (problem.isPresent()) {
                    return problem;
                }
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                Optional<String> problem = longText(field.getValue(), path + "." + field.getKey());
                if (problem.isPresent()) {
                    return problem;
                }
            }
        }
        return Optional.empty();
    }
}
