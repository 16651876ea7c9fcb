package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.App;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.EventWarning;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.wire.EventWire;
import io.github.tiktokevents.testing.SharedEventCase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The SDK's verdict on each row of the table the emulator's tests run too ({@code SharedEventCasesTest} there): an
 * event the SDK refuses (when it is built, or when its request bytes are written) is one the emulator refuses, and
 * a warning goes to the warning listener of the event's defaults.
 */
class SharedEventCasesTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    static Stream<SharedEventCase> rows() {
        return SharedEventCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theSdkReachesTheTablesVerdict(SharedEventCase row) {
        List<EventWarning> warnings = new ArrayList<>();
        EventDefaults defaults = EventDefaults.standard().withClock(Clock.fixed(NOW, ZoneOffset.UTC))
                .withWarningListener(warnings::add);
        String verdict;
        try {
            Event event = build(row, defaults);
            EventWire.json(event);   // the request bytes: where text values are measured
            verdict = warnings.isEmpty() ? "valid" : "warning";
        } catch (TikTokValidationException e) {
            verdict = "invalid";
            assertThat(e.getMessage()).doesNotContain("xxxxxxxxxx");   // never the value
        }
        assertThat(verdict).as(row.id() + " " + warnings).isEqualTo(row.expected());
    }

    static Event build(SharedEventCase row, EventDefaults defaults) {
        Event.Builder event = Event.builder(row.event(), defaults).source(EventSource.of(row.source()))
                .epochSeconds(row.epochSecond(NOW));
        if (row.page()) {
            event.page(Page.of("https://shop.example/item"));
        }
        if (row.source().equals("app")) {
            event.app(App.of("com.example.app"));
        }
        if (row.source().equals("crm")) {
            event.lead(Lead.of("7001"));
        }
        if (row.value() != null || row.currency() != null || row.description() > 0) {
            Properties.Builder properties = Properties.builder();
            if (row.value() != null) {
                properties.value(row.value());
            }
            if (row.currency() != null) {
                properties.currency(row.currency());
            }
            if (row.description() > 0) {
                properties.description("x".repeat(row.description()));
            }
            event.properties(properties.build());
        }
        return event.build();
    }
}
