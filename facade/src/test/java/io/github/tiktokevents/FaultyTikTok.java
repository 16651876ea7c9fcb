package io.github.tiktokevents;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A TikTok that misbehaves on purpose, picking a fault for each request from a seeded {@link Random}: rate-limit
 * and server codes, HTTP 429/500/503 with {@code Retry-After}, a connection dropped before the answer, a body cut
 * off mid-stream, a malformed body, an answer slower than the client's read timeout; and 40002 for any request
 * carrying a "poison" event. It records what arrived (per {@code event_id}, the distinct JSON seen and the
 * source) and which events it really accepted (answered code 0).
 */
final class FaultyTikTok extends Dispatcher {
    static final String POISON = "PoisonEvent";

    enum Fault { OK, RATE_LIMIT_CODE, SERVER_CODE, HTTP_STATUS, DROP_BEFORE_ANSWER, TRUNCATED_BODY, MALFORMED_BODY, SLOW }

    private static final long[] RATE_LIMIT_CODES = {40100, 40016, 40132, 40133};
    private static final long[] SERVER_CODES = {50000, 50002, 51065};
    private static final int[] HTTP_STATUSES = {429, 500, 503};

    private final Random random;
    private final int okPercent;
    private final long slowMillis;
    /** event_id to every distinct JSON object that arrived with it. */
    final Map<String, Set<String>> arrivals = new ConcurrentHashMap<>();
    /** event_id to the event_source of the requests that carried it. */
    final Map<String, Set<String>> sources = new ConcurrentHashMap<>();
    /** event_ids of requests answered with code 0. */
    final Set<String> accepted = ConcurrentHashMap.newKeySet();
    final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    volatile int maxEventsInOneRequest;

    FaultyTikTok(long seed, int okPercent, long slowMillis) {
        this.random = new Random(seed);
        this.okPercent = okPercent;
        this.slowMillis = slowMillis;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        JsonObject body = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
        JsonArray data = body.getAsJsonArray("data");
        String source = body.get("event_source").getAsString();
        boolean poisoned = false;
        String[] ids = new String[data.size()];
        for (int i = 0; i < data.size(); i++) {
            JsonObject event = data.get(i).getAsJsonObject();
            ids[i] = event.get("event_id").getAsString();
            arrivals.computeIfAbsent(ids[i], id -> ConcurrentHashMap.newKeySet()).add(event.toString());
            sources.computeIfAbsent(ids[i], id -> ConcurrentHashMap.newKeySet()).add(source);
            JsonElement name = event.get("event");
            poisoned |= name != null && POISON.equals(name.getAsString());
        }
        maxEventsInOneRequest = Math.max(maxEventsInOneRequest, ids.length);
        Fault fault;
        int pick;
        synchronized (random) {
            fault = pickFault();
            pick = random.nextInt(1000);
        }
        synchronized (injected) {
            injected.merge(fault, 1, Integer::sum);
        }
        switch (fault) {
            case RATE_LIMIT_CODE:
                return envelope(RATE_LIMIT_CODES[pick % RATE_LIMIT_CODES.length], "Too many requests");
            case SERVER_CODE:
                return envelope(SERVER_CODES[pick % SERVER_CODES.length], "Internal error");
            case HTTP_STATUS:
                return new MockResponse.Builder().code(HTTP_STATUSES[pick % HTTP_STATUSES.length])
                        .addHeader("Retry-After", String.valueOf(pick % 2)).body("<html>busy</html>").build();
            case DROP_BEFORE_ANSWER:
                return new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build();
            case TRUNCATED_BODY:
                return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                        .body(okBody()).onResponseBody(new SocketEffect.CloseSocket()).build();
            case MALFORMED_BODY:
                return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                        .body(pick % 2 == 0 ? "{\"code\":0,\"message\":\"O" : "<html>not json</html>").build();
            case SLOW:
                return new MockResponse.Builder().headersDelay(slowMillis, TimeUnit.MILLISECONDS)
                        .addHeader("Content-Type", "application/json").body(okBody()).build();
            default:
                if (poisoned) {
                    return envelope(40002, "Invalid parameter: event");
                }
                for (String id : ids) {
                    accepted.add(id);
                }
                return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(okBody()).build();
        }
    }

    int requests() {
        synchronized (injected) {
            return injected.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    Map<Fault, Integer> injected() {
        synchronized (injected) {
            return new EnumMap<>(injected);
        }
    }

    private Fault pickFault() {
        int roll = random.nextInt(100);
        if (roll < okPercent) {
            return Fault.OK;
        }
        Fault[] faults = Fault.values();
        return faults[1 + random.nextInt(faults.length - 1)];
    }

    private static String okBody() {
        return "{\"code\":0,\"message\":\"OK\",\"request_id\":\"req-ok\",\"data\":{}}";
    }

    private static MockResponse envelope(long code, String message) {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"code\":" + code + ",\"message\":\"" + message + "\",\"request_id\":\"req-" + code + "\",\"data\":{}}")
                .build();
    }
}
