package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.internal.wire.EventWire;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Without a ttclid of its own, an event takes the {@code ttclid} query parameter of its page URL, as TikTok's own
 * server-side template and Segment do; both editions send it.
 */
class ClickIdFromPageTest {
    private static final String CLICK_ID = "E.C.P.v3fQ2RHacdkfKfofPmlyuStIIHJ4Af1tKYxF9zz2c2PLx1Oaw15oHpcfl5AH";

    @Test
    void theClickIdOfThePageUrlIsSentInBothEditions() {
        Event event = Event.builder("ViewContent")
                .page(Page.of("https://shop.example/p/1?utm_source=tiktok&ttclid=" + CLICK_ID + "#reviews"))
                .user(User.builder().email("jane@example.com").build())
                .build();

        assertThat(event.user().orElseThrow().ttclid()).hasValue(CLICK_ID);
        assertThat(event.user().orElseThrow().hashedEmails()).hasSize(1);
        assertThat(new String(EventWire.json(event), StandardCharsets.UTF_8)).contains("\"ttclid\":\"" + CLICK_ID + "\"");
        assertThat(new String(EventWire.pixelFields(event), StandardCharsets.UTF_8))
                .contains("\"ad\":{\"callback\":\"" + CLICK_ID + "\"}");
    }

    @Test
    void anEventWithoutAUserGetsOneHoldingTheClickId() {
        Event event = Event.builder("ViewContent").page(Page.of("https://shop.example/?ttclid=abc%2B1")).build();

        assertThat(event.user().orElseThrow().ttclid()).hasValue("abc+1");
    }

    @Test
    void aClickIdSetOnTheUserWins() {
        Event event = Event.builder("ViewContent").page(Page.of("https://shop.example/?ttclid=from-url"))
                .user(User.builder().ttclid("set-by-caller").build()).build();

        assertThat(event.user().orElseThrow().ttclid()).hasValue("set-by-caller");
    }

    @Test
    void otherParametersFragmentsAndUnreadableValuesAreNotClickIds() {
        for (String url : new String[] {"https://shop.example/p", "https://shop.example/p?xttclid=1&ttclid2=2",
                "https://shop.example/p#?ttclid=in-fragment", "https://shop.example/p?ttclid=&a=1", "https://shop.example/p?ttclid=%ZZ",
                "https://shop.example/p?ttclid=%00", "https://shop.example/p?TTCLID=upper"}) {
            Event event = Event.builder("ViewContent").page(Page.of(url)).build();
            assertThat(event.user()).as(url).isEmpty();
        }
        Event second = Event.builder("ViewContent").page(Page.of("https://shop.example/p?ttclid=&ttclid=second")).build();
        assertThat(second.user().orElseThrow().ttclid()).hasValue("second");
    }
}
