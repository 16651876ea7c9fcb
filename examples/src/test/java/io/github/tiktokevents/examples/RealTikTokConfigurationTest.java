package io.github.tiktokevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.EventSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With TIKTOK_ACCESS_TOKEN set the examples target real TikTok; these cases stop before any request is sent, so they
 * need no network: they show the one-line message about what is missing, and that the token never shows.
 */
class RealTikTokConfigurationTest {
    private static final String TOKEN = "secret-token-123";

    @Test
    void theTokenAloneIsNotEnoughForTheQuickStart() {
        Captured run = Captured.run(QuickStart::send, Map.of(ExampleTarget.ACCESS_TOKEN, TOKEN));

        assertThat(run.status()).isEqualTo(Report.NOT_CONFIGURED);
        assertThat(run.err()).hasLineCount(1).startsWith("NOT CONFIGURED").contains(ExampleTarget.PIXEL_ID);
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void offlineAndCrmNameTheEventSetIdsThatAreMissing() {
        Captured run = Captured.run(OfflineAndCrmEvents::send,
                Map.of(ExampleTarget.ACCESS_TOKEN, TOKEN, ExampleTarget.PIXEL_ID, "CE3VQJJC77U1234ABCD0",
                        ExampleTarget.TEST_EVENT_CODE, "TEST12345"));

        assertThat(run.status()).isEqualTo(Report.NOT_CONFIGURED);
        assertThat(run.out()).contains("real TikTok").contains("as test events");
        assertThat(run.err()).hasLineCount(1)
                .contains(ExampleTarget.OFFLINE_EVENT_SET_ID, ExampleTarget.CRM_EVENT_SET_ID, "nothing was sent");
        assertThat(run.out() + run.err()).doesNotContain(TOKEN);
    }

    @Test
    void onlyTheMissingEventSetIdIsNamed() {
        Captured run = Captured.run(OfflineAndCrmEvents::send,
                Map.of(ExampleTarget.ACCESS_TOKEN, TOKEN, ExampleTarget.OFFLINE_EVENT_SET_ID, "7300000000000000001"));

        assertThat(run.status()).isEqualTo(Report.NOT_CONFIGURED);
        assertThat(run.out()).contains("LIVE events");
        assertThat(run.err()).contains(ExampleTarget.CRM_EVENT_SET_ID).doesNotContain(ExampleTarget.OFFLINE_EVENT_SET_ID);
    }

    @Test
    void theRawEventApiNeedsThePixelId() {
        Captured run = Captured.run(RawEventApi::send,
                Map.of(ExampleTarget.ACCESS_TOKEN, TOKEN, ExampleTarget.CRM_EVENT_SET_ID, "7300000000000000002"));

        assertThat(run.status()).isEqualTo(Report.NOT_CONFIGURED);
        assertThat(run.err()).hasLineCount(1).contains(ExampleTarget.PIXEL_ID);
    }

    @Test
    void withoutAnyTokenTheEmulatorIsUsedEvenIfOtherVariablesAreSet() {
        try (ExampleTarget target = ExampleTarget.fromEnvironment(Map.of(ExampleTarget.PIXEL_ID, "X")::get)) {
            assertThat(target.isEmulator()).isTrue();
            assertThat(target.missingSettings(EventSource.OFFLINE)).isEmpty();
        }
    }
}
