package io.github.tiktokevents.emulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Serves every request: reads it, consults the fault plan, judges it, records it, then answers. Recording comes
 * before answering so that a test that has its answer always finds the request recorded.
 */
final class RequestHandler implements HttpHandler {
    private static final Set<String> SECRET_HEADERS = Set.of("access-token", "authorization");

    private final Judge judge;
    private final Faults faults;
    private final Recording recording;
    private final Sleeper sleeper;
    private final Clock clock;
    private final RequestIds requestIds;
    private final Consumer<RecordedRequest> listener;
    private final AtomicLong sequence = new AtomicLong();

    RequestHandler(Judge judge, Faults faults, Recording recording, Sleeper sleeper, Clock clock,
            Consumer<RecordedRequest> listener) {
        this.judge = judge;
        this.faults = faults;
        this.recording = recording;
        this.sleeper = sleeper;
        this.clock = clock;
        this.requestIds = new RequestIds(clock);
        this.listener = listener;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        long number = sequence.incrementAndGet();
        byte[] raw = exchange.getRequestBody().readAllBytes();
        RecordedRequestDraft draft = new RecordedRequestDraft(number, clock.instant(), exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(), redacted(exchange.getRequestHeaders()),
                new String(raw, StandardCharsets.UTF_8), requestIds.next());
        Route route = Route.of(draft.path());
        ParsedBody body = ParsedBody.parse(draft.body(), raw.length);
        Optional<Fault> fault = faults.decide();
        Fault shown = fault.orElse(null);
        if (shown instanceof Fault.Delay delay) {
            try {
                sleeper.sleep(delay.delay());
                shown = delay.then();
            } catch (InterruptedException e) {
                // the emulator is closing: the request is recorded as dropped, as the client sees it
                Thread.currentThread().interrupt();
                shown = new Fault.Drop();
            }
        }
        if (shown == null) {
            Headers headers = exchange.getRequestHeaders();
            Verdict verdict = judge.judge(draft.method(), route, headers.getFirst("Access-Token"),
                    headers.containsKey("Authorization"), body);
            record(draft.finish(route, eventsOf(route, body, number, verdict.accepted()), verdict.httpStatus(),
                    OptionalLong.of(verdict.code()), verdict.message(), fault, verdict.accepted()));
            Responses.envelope(exchange, verdict.httpStatus(), verdict.code(), verdict.message(), draft.requestId(),
                    null);
        } else {
            answerWithFault(exchange, shown, draft, route, eventsOf(route, body, number, false), fault);
        }
    }

    /** Records, then tells the listener, both before answering, so that whoever has the answer sees both. */
    private void record(RecordedRequest recorded) {
        recording.add(recorded);
        listener.accept(recorded);
    }

    private void answerWithFault(HttpExchange exchange, Fault shown, RecordedRequestDraft draft,
            Route route, List<RecordedEvent> events, Optional<Fault> fault) throws IOException {
        if (shown instanceof Fault.Answer answer) {
            record(draft.finish(route, events, answer.httpStatus(), OptionalLong.of(answer.code()), answer.message(),
                    fault, false));
            Responses.envelope(exchange, answer.httpStatus(), answer.code(), answer.message(), draft.requestId(),
                    answer.retryAfter());
        } else if (shown instanceof Fault.RawBody raw) {
            record(draft.finish(route, events, raw.httpStatus(), OptionalLong.empty(), "", fault, false));
            Responses.raw(exchange, raw);
        } else {
            record(draft.finish(route, events, 0, OptionalLong.empty(), "", fault, false));
            Responses.drop(exchange);
        }
    }

    private static List<RecordedEvent> eventsOf(Route route, ParsedBody body, long number, boolean accepted) {
        return route.known().map(endpoint -> body.events(endpoint, number, accepted)).orElse(List.of());
    }

    private static Map<String, List<String>> redacted(Headers headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        headers.forEach((name, values) -> {
            boolean secret = SECRET_HEADERS.contains(name.toLowerCase(Locale.ROOT));
            List<String> kept = new ArrayList<>();
            values.forEach(value -> kept.add(secret ? RecordedRequest.REDACTED : value));
            copy.put(name, List.copyOf(kept));
        });
        return Collections.unmodifiableMap(copy);
    }
}
