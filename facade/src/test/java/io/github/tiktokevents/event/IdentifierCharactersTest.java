package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A value with a control character or an unpaired UTF-16 surrogate is refused, naming the field: before, trimming
 * turned {@code eventId("\0")} into {@code ""} (so different events shared TikTok's dedup key) and a lone surrogate
 * went out as {@code ?}.
 */
class IdentifierCharactersTest {
    private static final String[] BAD = {"\0", "order\u0000-1", "\u0001", "id\u0007", "a\u007Fb", "a\u0085b", "lone \uD800 high",
            "lone \uDC00 low", "\uD83D"};

    static Stream<Arguments> setters() {
        return Stream.of(
                setter("event_id", v -> Event.builder("Purchase").eventId(v)),
                setter("event", v -> Event.builder(v)),
                setter("page.url", v -> Page.of(v)),
                setter("page.referrer", v -> Page.of("https://shop.example", v)),
                setter("lead.lead_id", v -> Lead.of(v)),
                setter("app.app_id", v -> App.of(v)),
                setter("properties.order_id", v -> Properties.builder().orderId(v)),
                setter("properties.content_ids", v -> Properties.builder().addContentId(v)),
                setter("properties.contents.content_id", v -> Content.builder().contentId(v)),
                setter("user.ttclid", v -> User.builder().ttclid(v)),
                setter("user.external_id", v -> User.builder().externalId(v)),
                setter("user.email", v -> User.builder().email(v)));
    }

    private static Arguments setter(String field, Consumer<String> set) {
        return Arguments.of(field, Named.of(field, set));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setters")
    void controlCharactersAndLoneSurrogatesAreRefused(String field, Consumer<String> set) {
        for (String bad : BAD) {
            assertThatThrownBy(() -> set.accept(bad)).as("%s with %s", field, bad.codePoints().boxed().toList())
                    .isInstanceOf(TikTokValidationException.class)
                    .satisfies(e -> assertThat(((TikTokValidationException) e).field()).startsWith(field.split("\\.")[0]));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("setters")
    void tabsLineBreaksAndPairedSurrogatesAreFine(String field, Consumer<String> set) {
        if (field.equals("user.email") || field.equals("page.url") || field.equals("page.referrer")) {
            return; // their own rules judge spaces
        }
        set.accept("a\tb\nc 😀 é");
    }

    @org.junit.jupiter.api.Test
    void anEventIdOfAControlCharacterNoLongerBecomesEmpty() {
        assertThatThrownBy(() -> Event.builder("Purchase").eventId("\0"))
                .isInstanceOf(TikTokValidationException.class)
                .hasMessage("event_id: contains a control character (U+0000)");
        assertThatThrownBy(() -> Event.builder("Purchase").eventId("order-\uD800"))
                .isInstanceOf(TikTokValidationException.class)
                .hasMessageStartingWith("event_id: contains an unpaired UTF-16 surrogate");
    }

    @org.junit.jupiter.api.Test
    void additionalFieldsRefuseLoneSurrogates() {
        assertThatThrownBy(() -> Event.builder("Purchase").putAdditionalField("note", "x\uDC00"))
                .isInstanceOf(TikTokValidationException.class).hasMessageContaining("note");
        Event.builder("Purchase").putAdditionalField("note", "tab\tand \u0000 are JSON-escaped, not lost");
    }
}
