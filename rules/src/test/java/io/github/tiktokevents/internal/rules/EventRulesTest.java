package io.github.tiktokevents.internal.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.testing.SharedEventCase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The shared rules on their own: the table's rows as facts, and the messages users see. */
class EventRulesTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final EventRules RULES = EventRules.standard(Clock.fixed(NOW, ZoneOffset.UTC));

    static Stream<SharedEventCase> rows() {
        return SharedEventCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRowOfTheSharedTableGetsItsVerdict(SharedEventCase row) {
        List<RuleFinding> findings = RULES.check(new EventFacts(row.source(), row.event(), row.epochSecond(NOW), row.page(),
                row.value() != null, row.currency()));
        EventRules.text("properties.description", row.description()).ifPresent(findings::add);

        String verdict = findings.stream().anyMatch(f -> !f.warning()) ? "invalid" : findings.isEmpty() ? "valid" : "warning";
        assertThat(verdict).as(row.id() + ": " + findings).isEqualTo(row.expected());
    }

    @Test
    void aNearMissNameNamesTheStandardOne() {
        assertThat(EventRules.eventName("web", "Purchse")).get().satisfies(f -> {
            assertThat(f.warning()).isTrue();
            assertThat(f.message()).contains("did you mean Purchase?");
        });
        assertThat(EventRules.eventName("web", "add_to_cart").orElseThrow().message()).contains("AddToCart");
        assertThat(EventRules.eventName("web", "Purchase")).isEmpty();
        assertThat(EventRules.eventName("web", "Pageview")).isEmpty();
        assertThat(EventRules.eventName("web", "Sale")).isEmpty();    // short custom names are left alone
    }

    @Test
    void theBoundsComeFromTheSpec() {
        assertThat(EventRules.maxTextLength()).isEqualTo(16_384);
        assertThat(EventRules.maxRequestBytes()).isEqualTo(4 * 1024 * 1024);
        assertThat(EventRules.requestSize(4 * 1024 * 1024 + 1)).get().extracting(RuleFinding::warning).isEqualTo(false);
        assertThat(SpecRules.MAX_EVENT_AGE).containsKey("offline");
    }
}
