package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.User;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, item 6: defaults given to the client were ignored by {@code User.builder()} and {@code Event.builder()}.
 * Defaults now have one home, the builders, where personal data is normalised and hashed; the client offers no
 * setting that builders could miss.
 */
class EventDefaultsGoToTheBuildersTest {
    private static final EventDefaults BRAZIL = EventDefaults.standard()
            .withDefaultPhoneCountryCode("55")
            .withDefaultZone(ZoneId.of("America/Sao_Paulo"))
            .withClock(MockTikTok.CLOCK);   // the tests' 2023 day: the event is not old

    @Test
    void theClientTakesAndGivesNoEventDefaults() {
        for (Class<?> type : List.of(TikTokEventsBuilder.class, TikTokEvents.class)) {
            for (Method method : type.getMethods()) {
                assertThat(method.getParameterTypes()).as(method.toString()).doesNotContain(EventDefaults.class);
                assertThat(method.getReturnType()).as(method.toString()).isNotEqualTo(EventDefaults.class);
                assertThat(method.getReturnType()).as(method.toString())
                        .isNotIn(Event.Builder.class, User.Builder.class);   // no builders that differ from the static ones
            }
        }
    }

    @Test
    void defaultsGivenToTheBuildersApplyToNationalNumbersAndOffsetlessTimes() throws Exception {
        User user = User.builder(BRAZIL).phone("(41) 99886-2934").build();
        Event event = Event.builder("Purchase", BRAZIL).timestamp("2023-02-01T00:00:00")
                .page(Page.of("https://shop.example")).user(user).build();

        assertThat(user.hashedPhones()).containsExactly(sha256("+5541998862934"));
        assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2023-02-01T00:00:00-03:00").toInstant());
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
