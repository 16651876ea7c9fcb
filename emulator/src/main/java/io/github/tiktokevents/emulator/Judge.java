package io.github.tiktokevents.emulator;

import io.github.tiktokevents.internal.rules.EventRules;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Decides the normal answer to a request, checking in TikTok's order: the route, the access token, the JSON, the
 * schema of the spec, the event times, the rules the SDK shares ({@link SharedRules}), then the permission to the
 * event source.
 */
final class Judge {
    private final byte[] accessToken;
    private final Set<String> allowedEventSourceIds;
    private final SpecValidator validator;
    private final EventTimeRule eventTimes;
    private final SharedRules rules;

    Judge(String accessToken, Set<String> allowedEventSourceIds, Clock clock, Duration futureTolerance,
            SpecValidator validator) {
        this.accessToken = accessToken.getBytes(StandardCharsets.UTF_8);
        this.allowedEventSourceIds = Set.copyOf(allowedEventSourceIds);
        this.validator = validator;
        this.eventTimes = new EventTimeRule();
        this.rules = new SharedRules(EventRules.standard(clock).withFutureTolerance(futureTolerance));
    }

    /**
     * @param method the HTTP method
     * @param route where the path leads
     * @param token the {@code Access-Token} header, or null
     * @param hasBearer whether an {@code Authorization} header was sent (a common mistake worth naming)
     * @param body the parsed body
     */
    Verdict judge(String method, Route route, String token, boolean hasBearer, ParsedBody body) {
        if (route.known().isEmpty()) {
            return new Verdict(404, TikTokCodes.INVALID_PARAMETER,
                    "No such endpoint: use POST /open_api/v1.3/event/track/, /pixel/track/ or /pixel/batch/");
        }
        if (!"POST".equals(method)) {
            return new Verdict(405, TikTokCodes.INVALID_PARAMETER, "Method " + method + " not allowed: use POST");
        }
        if (token == null || token.isBlank()) {
            return new Verdict(200, TikTokCodes.ACCESS_TOKEN_MISSING, "Access token is missing: send it in the"
                    + " Access-Token header" + (hasBearer ? " (TikTok does not accept Authorization: Bearer)" : ""));
        }
        if (!MessageDigest.isEqual(accessToken, token.getBytes(StandardCharsets.UTF_8))) {
            return new Verdict(200, TikTokCodes.ACCESS_TOKEN_INVALID, "Access token is invalid or incorrect");
        }
        if (body.problem().isPresent()) {
            return Verdict.invalid(body.problem().get());
        }
        Endpoint endpoint = route.endpoint();
        JsonNode json = body.json();
        Optional<String> problem = validator.problems(endpoint, json)
                .or(() -> eventTimes.problem(endpoint, json))
                .or(() -> rules.problem(endpoint, json));
        if (problem.isPresent()) {
            return Verdict.invalid(problem.get());
        }
        String sourceId = ParsedBody.eventSourceIdOf(json);
        if (!allowedEventSourceIds.isEmpty() && !allowedEventSourceIds.contains(sourceId)) {
            return new Verdict(200, TikTokCodes.NO_PERMISSION,
                    "No permission to operate the event source " + sourceId + " with this access token");
        }
        return Verdict.ok();
    }
}
