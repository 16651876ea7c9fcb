package io.github.tiktokevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class TikTokSinkConfigTest {
    private final TikTokSinkConnector connector = new TikTokSinkConnector();

    @Test
    void theAccessTokenIsAPasswordSetting() {
        assertThat(TikTokSinkConfig.configDef().configKeys().get(TikTokSinkConfig.ACCESS_TOKEN).type)
                .isEqualTo(ConfigDef.Type.PASSWORD);
    }

    @Test
    void missingRequiredSettingsAreNamed() {
        Config config = connector.validate(Map.of());

        assertThat(errors(config, TikTokSinkConfig.ACCESS_TOKEN)).isNotEmpty();
        assertThat(errors(config, TikTokSinkConfig.EVENT_SOURCE_ID)).isNotEmpty();
        assertThat(errors(config, TikTokSinkConfig.EVENT_SOURCE)).isEmpty();
    }

    @Test
    void aBadValueIsRefusedNamingItsSetting() {
        assertThatThrownBy(() -> new TikTokSinkConfig(valid(Map.of(TikTokSinkConfig.BATCH_SIZE, "1001"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TikTokSinkConfig.BATCH_SIZE);
        assertThatThrownBy(() -> new TikTokSinkConfig(valid(Map.of(TikTokSinkConfig.USER, "mail=customer.email"))))
                .isInstanceOf(ConfigException.class).hasMessageContaining(TikTokSinkConfig.USER)
                .hasMessageContaining("'mail' is not one of");
        assertThatThrownBy(() -> new TikTokSinkConfig(valid(Map.of(TikTokSinkConfig.PAGE, "url"))))
                .hasMessageContaining(TikTokSinkConfig.PAGE).hasMessageContaining("not name=field.path");
        assertThatThrownBy(() -> new TikTokSinkConfig(valid(Map.of(TikTokSinkConfig.EVENT_ID_FIELD, "order..id"))))
                .hasMessageContaining(TikTokSinkConfig.EVENT_ID_FIELD).hasMessageContaining("empty step");
        assertThatThrownBy(() -> new TikTokSinkConfig(valid(Map.of(TikTokSinkConfig.BASE_URL, "ftp://x"))))
                .hasMessageContaining(TikTokSinkConfig.BASE_URL);
        // an accepted URL with credentials is logged without them; the token stays hidden
        TikTokSinkConfig withCredentials = new TikTokSinkConfig(valid(Map.of(TikTokSinkConfig.BASE_URL,
                "https://gateway-user:gateway-Pa55@gateway.example/tiktok")));
        assertThat(withCredentials.loggedValues()).contains("https://***@gateway.example/tiktok")
                .doesNotContain("gateway-Pa55").doesNotContain("gateway-user")
                .contains(TikTokSinkConfig.ACCESS_TOKEN + "=[hidden]");
        // a URL may carry credentials: the refusal names the setting, not the value
        assertThatThrownBy(() -> new TikTokSinkConfig(valid(Map.of(TikTokSinkConfig.BASE_URL,
                "gateway-user:gateway-Pa55@gateway.example"))))
                .hasMessageContaining(TikTokSinkConfig.BASE_URL).hasMessageNotContaining("gateway-Pa55");
    }

    @Test
    void validationNamesTheBadKeyAndNeverShowsTheToken() {
        Map<String, String> settings = valid(Map.of(TikTokSinkConfig.ACCESS_TOKEN, "very-secret-token",
                TikTokSinkConfig.RETRY_MAX_ATTEMPTS, "0"));

        Config config = connector.validate(settings);

        assertThat(errors(config, TikTokSinkConfig.RETRY_MAX_ATTEMPTS)).singleElement().asString()
                .contains(TikTokSinkConfig.RETRY_MAX_ATTEMPTS);
        assertThat(config.configValues()).allSatisfy(value ->
                assertThat(value.errorMessages()).noneMatch(message -> message.contains("very-secret-token")));
    }

    @Test
    void retrySettingsThatDoNotFitTogetherAreRefused() {
        Map<String, String> settings = valid(Map.of(TikTokSinkConfig.RETRY_INITIAL_DELAY_MS, "5000",
                TikTokSinkConfig.RETRY_MAX_DELAY_MS, "10"));

        assertThat(errors(connector.validate(settings), TikTokSinkConfig.RETRY_MAX_DELAY_MS)).isNotEmpty();
    }

    @Test
    void everyTaskGetsTheConnectorsSettings() {
        Map<String, String> settings = valid(Map.of());
        connector.start(settings);

        assertThat(connector.taskConfigs(3)).hasSize(3).allSatisfy(task -> assertThat(task).isEqualTo(settings));
        assertThat(connector.taskClass()).isEqualTo(TikTokSinkTask.class);
        assertThat(connector.version()).isNotBlank().isNotEqualTo("unknown");
    }

    private static Map<String, String> valid(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put(TikTokSinkConfig.ACCESS_TOKEN, "token");
        settings.put(TikTokSinkConfig.EVENT_SOURCE_ID, "CE3VQJJC77U1234ABCD0");
        settings.putAll(overrides);
        return settings;
    }

    private static List<String> errors(Config config, String name) {
        return config.configValues().stream().filter(value -> value.name().equals(name)).findFirst()
                .map(ConfigValue::errorMessages).orElseThrow();
    }
}
