package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.junit.jupiter.api.Test;

/** Every accepted timestamp form lands on the same instant; ambiguous or implausible ones are refused. */
class TimestampTest {
    static final long EXPECTED = 1675220400L;
    static final EventDefaults DEFAULTS = EventDefaults.standard().withClock(MockTikTok.CLOCK);

    static Event.Builder event() {
        return Event.builder("ViewContent", DEFAULTS).page(Page.of("https://shop.example"));
    }

    @Test
    void everyFormGivesTheSameInstant() {
        Instant instant = Instant.ofEpochSecond(EXPECTED);
        assertThat(event().timestamp("2023-02-01T00:00:00-03:00").build().time()).isEqualTo(instant);
        assertThat(event().timestamp("2023-02-01T03:00:00Z").build().time()).isEqualTo(instant);
        assertThat(event().timestamp("2023-02-01T00:00:00-03:00[America/Sao_Paulo]").build().time()).isEqualTo(instant);
        assertThat(event().timestamp(instant).build().time()).isEqualTo(instant);
        assertThat(event().timestamp(OffsetDateTime.parse("2023-02-01T00:00:00-03:00")).build().time()).isEqualTo(instant);
        assertThat(event().timestamp(ZonedDateTime.parse("2023-02-01T04:00:00+01:00[Europe/Paris]")).build().time()).isEqualTo(instant);
        assertThat(event().timestamp(Date.from(instant)).build().time()).isEqualTo(instant);
        assertThat(event().epochSeconds(EXPECTED).build().time()).isEqualTo(instant);
        assertThat(event().epochMillis(EXPECTED * 1000).build().time()).isEqualTo(instant);
    }

    @Test
    void aStringWithoutOffsetNeedsADefaultZone() {
        assertThatThrownBy(() -> event().timestamp("2023-02-01T00:00:00"))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("no offset");
        Event event = Event.builder("ViewContent", DEFAULTS.withDefaultZone(ZoneId.of("America/Sao_Paulo")))
                .page(Page.of("https://shop.example")).timestamp("2023-02-01T00:00:00").build();
        assertThat(event.time().getEpochSecond()).isEqualTo(EXPECTED);
    }

    @Test
    void missingMeansTheClocksNow() {
        assertThat(event().build().time()).isEqualTo(MockTikTok.CLOCK.instant());
    }

    @Test
    void unreadableOrImplausibleTimestampsAreRefused() {
        assertThatThrownBy(() -> event().timestamp("yesterday")).isInstanceOf(TikTokValidationException.class)
                .hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> event().epochSeconds(EXPECTED * 1000)).isInstanceOf(TikTokValidationException.class)
                .hasMessageContaining("milliseconds passed as seconds");
        assertThatThrownBy(() -> event().epochMillis(EXPECTED)).isInstanceOf(TikTokValidationException.class)
                .hasMessageContaining("seconds passed as milliseconds");
        assertThatThrownBy(() -> event().timestamp((Instant) null)).isInstanceOf(TikTokValidationException.class);
    }
}
