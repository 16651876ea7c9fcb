package io.github.tiktokevents.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.testing.SharedEventCase;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's verdict on each row of the table the SDK's tests run too ({@code SharedEventCasesTest} in the
 * facade): each row goes as a raw 2.0 request, written here from the row (not by the SDK), and the emulator
 * refuses exactly the rows the table calls invalid. Warning rows are accepted, as TikTok accepts them.
 */
class SharedEventCasesTest {
    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static TikTokEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = TikTokEmulator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    static Stream<SharedEventCase> rows() {
        return SharedEventCase.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theEmulatorReachesTheTablesVerdict(SharedEventCase row) {
        Clients.Answer answer = Clients.post(emulator, Endpoint.EVENT_TRACK, body(row));

        String verdict = answer.code() == 0 ? "accepted" : "invalid";
        assertThat(verdict).as(row.id() + ": " + answer.message())
                .isEqualTo(row.expected().equals("invalid") ? "invalid" : "accepted");
        if (verdict.equals("invalid")) {
            assertThat(answer.code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
            assertThat(answer.message()).doesNotContain("xxxxxxxxxx");   // never the value
        }
    }

    static String body(SharedEventCase row) {
        ObjectNode request = ParsedBody.MAPPER.createObjectNode();
        request.put("event_source", row.source()).put("event_source_id", "7300000000000000001");
        ArrayNode data = request.putArray("data");
        ObjectNode event = data.addObject();
        event.put("event", row.event()).put("event_time", row.epochSecond(NOW)).put("event_id", row.id());
        if (row.page()) {
            event.putObject("page").put("url", "https://shop.example/item");
        }
        if (row.source().equals("app")) {
            event.putObject("app").put("app_id", "com.example.app");
        }
        if (row.source().equals("crm")) {
            event.putObject("lead").put("lead_id", "7001");
        }
        if (row.value() != null || row.currency() != null || row.description() > 0) {
            ObjectNode properties = event.putObject("properties");
            if (row.value() != null) {
                properties.put("value", row.value());
            }
            if (row.currency() != null) {
                properties.put("currency", row.currency());
            }
            if (row.description() > 0) {
                properties.put("description", "x".repeat(row.description()));
            }
        }
        return ParsedBody.MAPPER.writeValueAsString(request);
    }
}
