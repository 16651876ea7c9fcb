package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A page's URL goes to TikTok whole, but its text form shows only where it was: queries often hold personal data. */
class PageTest {
    @Test
    void toStringShowsTheOriginAndHidesPathAndQuery() {
        Page page = Page.of("https://shop.example/reset?email=jane@example.com&token=abc",
                "https://mail.example/inbox#jane");

        assertThat(page.url()).isEqualTo("https://shop.example/reset?email=jane@example.com&token=abc");
        assertThat(page.toString()).contains("https://shop.example/...", "https://mail.example/...")
                .doesNotContain("jane", "token", "reset", "inbox");
    }

    @Test
    void toStringOfAnAddressWithoutSchemeRevealsNothing() {
        assertThat(Page.of("shop.example/?email=jane@example.com").toString()).doesNotContain("jane").contains("<set>");
        assertThat(Page.of("https://shop.example").toString()).contains("url=https://shop.example,", "referrer=null");
    }
}
