package io.github.tiktokevents.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Checks event times, which the schema can only type: Events API 2.0 {@code event_time} must be Unix epoch
 * <em>seconds</em> and not in the future; Events API 1.0 {@code timestamp} must not be in the future.
 */
final class EventTimeRule {
    /** 3000-01-01T00:00:00Z in seconds: a larger {@code event_time} is almost surely in milliseconds. */
    static final long LARGEST_PLAUSIBLE_SECONDS = 32_503_680_000L;

    private final Clock clock;
    private final Duration futureTolerance;

    EventTimeRule(Clock clock, Duration futureTolerance) {
        this.clock = clock;
        this.futureTolerance = futureTolerance;
    }

    /** The first problem with an event time in a schema-valid body, or empty. */
    Optional<String> problem(Endpoint endpoint, JsonNode body) {
        Instant latest = clock.instant().plus(futureTolerance);
        switch (endpoint) {
            case EVENT_TRACK:
                JsonNode data = body.path("data");
                for (int i = 0; i < data.size(); i++) {
                    Optional<String> problem = eventTimeProblem(data.get(i).path("event_time"), latest);
                    if (problem.isPresent()) {
                        return Optional.of("Invalid parameters: $.data[" + i + "].event_time: " + problem.get());
                    }
                }
                return Optional.empty();
            case PIXEL_TRACK:
                return timestampProblem(body.path("timestamp"), latest).map(p -> "Invalid parameters: $.timestamp: " + p);
            case PIXEL_BATCH:
                JsonNode batch = body.path("batch");
                for (int i = 0; i < batch.size(); i++) {
                    Optional<String> problem = timestampProblem(batch.get(i).path("timestamp"), latest);
                    if (problem.isPresent()) {
                        return Optional.of("Invalid parameters: $.batch[" + i + "].timestamp: " + problem.get());
                    }
                }
                return Optional.empty();
            default:
                throw new IllegalStateException("unknown endpoint " + endpoint);
        }
    }

    private Optional<String> eventTimeProblem(JsonNode eventTime, Instant latest) {
        if (!eventTime.isIntegralNumber()) {
            return Optional.empty();
        }
        if (!eventTime.canConvertToLong() || eventTime.longValue() > LARGEST_PLAUSIBLE_SECONDS) {
            return Optional.of("looks like milliseconds; send Unix epoch seconds");
        }
        if (Instant.ofEpochSecond(eventTime.longValue()).isAfter(latest)) {
            return Optional.of(inTheFuture());
        }
        return Optional.empty();
    }

    private Optional<String> timestampProblem(JsonNode timestamp, Instant latest) {
        if (!timestamp.isString()) {
            return Optional.empty();
        }
        try {
            if (OffsetDateTime.parse(timestamp.stringValue()).toInstant().isAfter(latest)) {
                return Optional.of(inTheFuture());
            }
        } catch (DateTimeParseException e) {
            // the schema's date-time format check owns this case
        }
        return Optional.empty();
    }

    private String inTheFuture() {
        return "is in the future (more than " + futureTolerance + " ahead of the server clock)";
    }
}
