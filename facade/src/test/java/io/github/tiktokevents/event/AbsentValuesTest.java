package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.wire.EventWire;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What null means in the event model: an optional setter given null, an empty string or only white space (what a
 * database column often holds) leaves the field absent, as if never called; a required argument given null or blank
 * fails with the SDK's typed validation error naming the field.
 */
class AbsentValuesTest {
    @Test
    void optionalSettersTakeNullOrBlankAsAbsent() {
        User user = User.builder()
                .email(null).email("").email("   ")
                .phone(null).phone(" ")
                .externalId(null).externalId("\t")
                .hashedEmail(null).hashedPhone("")
                .ttp(null).ttclid("").ip(" ").userAgent(null).locale("")
                .build();
        assertThat(user.hashedEmails()).isEmpty();
        assertThat(user.hashedPhones()).isEmpty();
        assertThat(user.hashedExternalIds()).isEmpty();
        assertThat(user.toString()).isEqualTo("User{}");

        Properties properties = Properties.builder()
                .currency(null).currency("")
                .value((BigDecimal) null)
                .description(" ").query(null).orderId("")
                .addContent(null).contents((Collection<Content>) null)
                .addContentId(null).addContentId(" ").contentIds((Collection<String>) null)
                .contentType(null)
                .build();
        assertThat(properties.currency()).isEmpty();
        assertThat(properties.value()).isEmpty();
        assertThat(properties.description()).isEmpty();
        assertThat(properties.contents()).isEmpty();
        assertThat(properties.contentIds()).isEmpty();
        assertThat(properties.toString()).isEqualTo("Properties{}");

        Event event = Event.builder("Purchase").eventId("  ").source(null).page(Page.of("https://shop.example", ""))
                .user(user).properties(properties).build();
        assertThat(event.eventId()).hasSize(36); // a random UUID, as when no id is set
        assertThat(event.source()).isEqualTo(EventSource.WEB);
        assertThat(event.page().orElseThrow().referrer()).isEmpty();
        String json = new String(EventWire.json(event), StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\"\"").doesNotContain("referrer").doesNotContain("currency");
    }

    @Test
    void valuesAreStrippedOfSurroundingWhiteSpace() {
        assertThat(Properties.builder().currency(" brl ").orderId("\u2003order-1\n").build())
                .satisfies(p -> {
                    assertThat(p.currency()).hasValue("BRL");
                    assertThat(p.orderId()).hasValue("order-1");
                });
        assertThat(Event.builder(" Purchase ").eventId(" order-1 ").page(Page.of("https://shop.example")).build().eventId())
                .isEqualTo("order-1");
    }

    @Test
    void requiredArgumentsFailWithATypedErrorNamingTheField() {
        assertThatThrownBy(() -> Page.of(null)).isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("page.url:");
        assertThatThrownBy(() -> Page.of("  ")).isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("page.url:");
        assertThatThrownBy(() -> Lead.of(null)).isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("lead.lead_id:");
        assertThatThrownBy(() -> App.of("")).isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("app.app_id:");
        assertThatThrownBy(() -> Event.builder(null).page(Page.of("https://shop.example")).build())
                .isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("event:");
        assertThatThrownBy(() -> Event.builder(" ").page(Page.of("https://shop.example")).build())
                .isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("event:");
    }

    @Test
    void theDigestOfAnEmptyStringIsNeverSent() {
        String emptyDigest = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        User user = User.builder().email("").phone(" ").externalId("").build();
        assertThat(List.of(user.hashedEmails(), user.hashedPhones(), user.hashedExternalIds()))
                .allSatisfy(list -> assertThat(list).doesNotContain(emptyDigest));
    }
}
