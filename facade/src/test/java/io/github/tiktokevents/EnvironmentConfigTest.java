package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.internal.http.EnvironmentConfig;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Configuration from an injected environment, and the errors for what is missing. */
class EnvironmentConfigTest {

    @Test
    void readsEveryVariable() throws Exception {
        try (MockTikTok tiktok = new MockTikTok();
             TikTokEvents client = TikTokEvents.builder().baseUrl(tiktok.baseUrl()).fromEnv(Map.of(
                     "TIKTOK_ACCESS_TOKEN", "env-token", "TIKTOK_PIXEL_ID", "PIX", "TIKTOK_API_VERSION", "v1.2",
                     "TIKTOK_TEST_EVENT_CODE", "TEST9")::get).build()) {
            tiktok.answerOk();

            client.send(Event.builder("ViewContent").page(Page.of("https://shop.example")).build());

            var request = tiktok.take();
            assertThat(request.getHeaders().get("Access-Token")).isEqualTo("env-token");
            assertThat(request.getUrl().encodedPath()).isEqualTo("/open_api/v1.2/event/track/");
            assertThat(MockTikTok.json(request).get("event_source_id").getAsString()).isEqualTo("PIX");
            assertThat(MockTikTok.json(request).get("test_event_code").getAsString()).isEqualTo("TEST9");
        }
    }

    @Test
    void theOriginalLibrarysMisspellingIsAFallback() {
        EnvironmentConfig env = EnvironmentConfig.read(Map.of("TIKTOK_ACESS_TOKEN", "old")::get);
        assertThat(env.accessToken).isEqualTo("old");
        EnvironmentConfig both = EnvironmentConfig.read(Map.of("TIKTOK_ACESS_TOKEN", "old", "TIKTOK_ACCESS_TOKEN", "new")::get);
        assertThat(both.accessToken).isEqualTo("new");
    }

    @Test
    void theVersionDefaultsToV13() {
        TikTokEvents client = TikTokEvents.builder().fromEnv(Map.of("TIKTOK_ACCESS_TOKEN", "t", "TIKTOK_PIXEL_ID", "p")::get).build();
        assertThat(client.toString()).contains("apiVersion=v1.3");
        client.close();
    }

    @Test
    void everyMissingVariableIsNamedWithWhereToFindIt() {
        assertThatThrownBy(() -> TikTokEvents.builder().fromEnv(Map.<String, String>of()::get).build())
                .isInstanceOf(TikTokConfigurationException.class)
                .hasMessageContaining("TIKTOK_ACCESS_TOKEN").hasMessageContaining("TIKTOK_PIXEL_ID")
                .hasMessageContaining("Events Manager");
        assertThatThrownBy(() -> TikTokEvents.builder().fromEnv(Map.of("TIKTOK_PIXEL_ID", "p", "TIKTOK_ACCESS_TOKEN", " ")::get).build())
                .hasMessageContaining("TIKTOK_ACCESS_TOKEN").hasMessageNotContaining("TIKTOK_PIXEL_ID");
    }

    @Test
    void aBadVersionOrTimeoutIsAConfigurationError() {
        assertThatThrownBy(() -> TikTokEvents.builder().fromEnv(Map.of("TIKTOK_API_VERSION", "1.3")::get))
                .isInstanceOf(TikTokConfigurationException.class).hasMessageContaining("v1.3");
        assertThatThrownBy(() -> TikTokEvents.builder().readTimeout(java.time.Duration.ZERO))
                .isInstanceOf(TikTokConfigurationException.class);
    }
}
