package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A page's URL goes to TikTok whole, but its text form shows only that it is set: URLs often hold personal data. */
class PageTest {
    @Test
    void theUrlGoesWholeButToStringShowsNoPartOfIt() {
        Page page = Page.of("https://user:secret@shop.example/reset?email=jane@example.com&token=abc",
                "https://mail.example/inbox#jane");

        assertThat(page.url()).hasValue("https://user:secret@shop.example/reset?email=jane@example.com&token=abc");
        assertThat(page.toString()).isEqualTo("Page{url=<set>, referrer=<set>}")
                .doesNotContain("jane", "secret", "token", "shop.example", "mail.example");
    }

    @Test
    void credentialsInAUrlAppearInNoTextFormOfTheEvent() {
        Event event = Event.builder("ViewContent")
                .page(Page.of("https://admin:hunter2@shop.example/p?ttclid=click-1", "ftp://bob:pw0rd@files.example/"))
                .build();

        assertThat(event.toString()).contains("page=Page{url=<set>, referrer=<set>}")
                .doesNotContain("admin", "hunter2", "bob", "pw0rd", "@");
        assertThat(event.page().orElseThrow().toString()).isEqualTo("Page{url=<set>, referrer=<set>}");
    }

    @Test
    void ofRefusesABlankUrlAndAcceptsAMissingReferrer() {
        assertThat(Page.of("https://shop.example").referrer()).isEmpty();
        assertThat(Page.of("https://shop.example", null).toString()).isEqualTo("Page{url=<set>}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Page.of(" "))
                .isInstanceOf(io.github.tiktokevents.exception.TikTokValidationException.class)
                .hasMessageContaining("page.url");
    }
}
