package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The timestamp forms users have at hand (ISO-8601, RFC 3339 with a space, the offsets other libraries write, epoch
 * numbers as text) all read as the same instant; anything else is refused with a message that does not quote it.
 */
class TimestampFormsTest {
    /** The original Python library's own test data: "2023-06-09 13:37:26-03:00". */
    private static final long PYTT_FIXTURE = 1686328646L;
    private static final EventDefaults AFTER_IT = EventDefaults.standard()
            .withClock(Clock.fixed(Instant.ofEpochSecond(PYTT_FIXTURE + 3600), ZoneOffset.UTC));

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {
            "2023-06-09 13:37:26-03:00",
            "2023-06-09T13:37:26-03:00",
            "2023-06-09t13:37:26-03:00",
            "2023-06-09T13:37:26-0300",
            "2023-06-09 13:37:26-03",
            "2023-06-09T16:37:26Z",
            "2023-06-09T16:37:26z",
            "2023-06-09T16:37:26+00:00",
            "2023-06-09T16:37:26.000Z",
            "2023-06-09 16:37:26.123456+0000",
            "2023-06-09T16:37:26.999999999Z",
            "2023-06-09T22:07:26+05:30",
            "2023-06-09T22:07:26+0530",
            "2023-06-09T13:37:26-03:00[America/Sao_Paulo]",
            "  2023-06-09T16:37:26Z  ",
            "1686328646",
            "1686328646000",
            "1686328646.5",
            "1686328646123"})
    void theFormsUsersHaveAreRead(String text) {
        Event event = Event.builder("Purchase", AFTER_IT).page(Page.of("https://shop.example")).timestamp(text).build();

        assertThat(event.time().getEpochSecond()).isEqualTo(PYTT_FIXTURE);
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"2023-06-09 16:37", "2023-06-09T16:37:00Z"})
    void secondsAreOptional(String text) {
        Event event = Event.builder("Purchase", AFTER_IT.withDefaultZone(ZoneOffset.UTC)).page(Page.of("https://shop.example"))
                .timestamp(text).build();

        assertThat(event.time()).isEqualTo(Instant.parse("2023-06-09T16:37:00Z"));
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"yesterday", "2023-06-09", "09/06/2023 13:37", "2023-06-09T25:00:00Z", "2023-02-30T10:00:00Z",
            "2023-06-09T13:37:26+3", "2023-06-09T13:37:26-03:00Z", "2023-06-09_13:37:26Z", "-1686328646", "1686328646.",
            "16863286460000000000", "0x6482E2C6"})
    void otherTextIsRefusedWithoutBeingQuoted(String text) {
        assertThatThrownBy(() -> Event.builder("Purchase", AFTER_IT).timestamp(text))
                .isInstanceOf(TikTokValidationException.class)
                .hasMessageStartingWith("timestamp:")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(text));
    }
}
