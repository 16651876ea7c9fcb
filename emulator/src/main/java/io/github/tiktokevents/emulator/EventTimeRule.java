package io.github.tiktokevents.emulator;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks that Events API 2.0 {@code event_time} is Unix epoch <em>seconds</em>, which the schema can only type. How
 * far from now an event may be (ahead or ago) is a shared rule: {@link SharedRules}.
 */
final class EventTimeRule {
    /** 3000-01-01T00:00:00Z in seconds: a larger {@code event_time} is almost surely in milliseconds. */
    static final long LARGEST_PLAUSIBLE_SECONDS = 32_503_680_000L;

    EventTimeRule() {
    }

    /** The first 2.0 {@code event_time} in milliseconds in a schema-valid body, or empty. */
    Optional<String> problem(Endpoint endpoint, JsonNode body) {
        if (endpoint != Endpoint.EVENT_TRACK) {
            return Optional.empty();
        }
        JsonNode data = body.path("data");
        for (int i = 0; i < data.size(); i++) {
            JsonNode eventTime = data.get(i).path("event_time");
            if (eventTime.isIntegralNumber()
                    && (!eventTime.canConvertToLong() || eventTime.longValue() > LARGEST_PLAUSIBLE_SECONDS)) {
                return Optional.of("Invalid parameters: $.data[" + i + "].event_time: looks like milliseconds; send Unix epoch seconds");
            }
        }
        return Optional.empty();
    }
}
