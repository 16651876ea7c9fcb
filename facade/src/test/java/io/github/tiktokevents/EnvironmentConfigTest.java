package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.App;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.internal.http.EnvironmentConfig;
import java.util.ArrayList;
import java.util.List;
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
    void readsTheIdsOfEverySourceAndTheBaseUrl() throws Exception {
        try (MockTikTok tiktok = new MockTikTok();
             TikTokEvents client = TikTokEvents.builder().fromEnv(Map.of(
                     "TIKTOK_ACCESS_TOKEN", "env-token", "TIKTOK_APP_ID", "APP1", "TIKTOK_OFFLINE_EVENT_SET_ID", "OFF1",
                     "TIKTOK_CRM_EVENT_SET_ID", "CRM1", "TIKTOK_BASE_URL", tiktok.baseUrl() + "/")::get).build()) {
            for (int i = 0; i < 3; i++) {
                tiktok.answerOk();
            }

            client.send(Event.builder("Purchase").source(EventSource.OFFLINE).build());
            client.send(Event.builder("Lead").source(EventSource.CRM).lead(Lead.of("7001")).build());
            client.send(Event.builder("InstallApp").source(EventSource.APP).app(App.of("com.example.app")).build());

            List<String> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                var body = MockTikTok.json(tiktok.take());   // taken from the env's base URL: no other server exists
                sent.add(body.get("event_source").getAsString() + "=" + body.get("event_source_id").getAsString());
            }
            assertThat(sent).containsExactly("offline=OFF1", "crm=CRM1", "app=APP1");
        }
    }

    @Test
    void theMisspeltTokenIsUsedWithOneWarningThatNeverShowsTheToken() {
        List<String> warnings = new ArrayList<>();
        TikTokEvents client = TikTokEvents.builder().configWarnings(warnings::add)
                .fromEnv(Map.of("TIKTOK_ACESS_TOKEN", "secret-token-123", "TIKTOK_PIXEL_ID", "p")::get).build();
        client.close();

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("TIKTOK_ACESS_TOKEN", "TIKTOK_ACCESS_TOKEN").doesNotContain("secret-token-123");

        warnings.clear();
        TikTokEvents.builder().configWarnings(warnings::add)
                .fromEnv(Map.of("TIKTOK_ACESS_TOKEN", "old", "TIKTOK_ACCESS_TOKEN", "new", "TIKTOK_PIXEL_ID", "p")::get);
        assertThat(warnings).singleElement().asString().contains("ignored").doesNotContain("old").doesNotContain("new ");

        warnings.clear();
        TikTokEvents.builder().configWarnings(warnings::add)
                .fromEnv(Map.of("TIKTOK_ACCESS_TOKEN", "new", "TIKTOK_PIXEL_ID", "p")::get);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aBaseUrlThatIsNotAnHttpUrlIsAConfigurationError() {
        assertThatThrownBy(() -> TikTokEvents.builder().fromEnv(Map.of("TIKTOK_BASE_URL", "business-api.tiktok.com")::get))
                .isInstanceOf(TikTokConfigurationException.class).hasMessageContaining("TIKTOK_BASE_URL");
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
