package io.github.tiktokevents.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.json.JsonParserFactory;

/**
 * The metadata an IDE reads to complete and document {@code tiktok.events.*}: generated at compile time, shipped
 * next to the classes (in spring-boot-starter-boot4, read from the starter's jar), every property described.
 */
class ConfigurationMetadataTest {

    @Test
    void everyPropertyIsListedWithADescription() throws IOException {
        URL resource = TikTokEventsProperties.class.getClassLoader()
                .getResource("META-INF/spring-configuration-metadata.json");
        assertThat(resource).as("META-INF/spring-configuration-metadata.json").isNotNull();
        Map<String, Object> metadata;
        try (InputStream in = resource.openStream()) {
            metadata = JsonParserFactory.getJsonParser().parseMap(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> properties = (List<Map<String, Object>>) metadata.get("properties");
        Map<String, String> descriptions = properties.stream()
                .collect(Collectors.toMap(p -> (String) p.get("name"), p -> String.valueOf(p.get("description"))));

        assertThat(descriptions).containsKeys("tiktok.events.access-token", "tiktok.events.pixel-code",
                "tiktok.events.app-id", "tiktok.events.offline-event-set-id", "tiktok.events.crm-event-set-id",
                "tiktok.events.source-ids", "tiktok.events.api-version", "tiktok.events.api-edition",
                "tiktok.events.test-event-code", "tiktok.events.base-url", "tiktok.events.connect-timeout",
                "tiktok.events.read-timeout", "tiktok.events.write-timeout", "tiktok.events.call-timeout",
                "tiktok.events.retry.max-attempts", "tiktok.events.retry.initial-delay",
                "tiktok.events.processor.max-delay", "tiktok.events.processor.queue-capacity",
                "tiktok.events.processor.close-timeout", "tiktok.events.processor.enabled",
                "tiktok.events.metrics.enabled", "management.health.tiktok-events.enabled");
        assertThat(descriptions).allSatisfy((name, description) ->
                assertThat(description).as(name).isNotBlank().isNotEqualTo("null"));
        assertThat(descriptions.get("tiktok.events.access-token")).contains("TIKTOK_ACCESS_TOKEN");
        if (resource.getProtocol().equals("jar")) {
            assertThat(resource.getPath()).contains("tiktok-events-spring-boot-starter");
        }
    }

    @Test
    void theAutoConfigurationIsRegisteredTheBoot3Way() throws IOException {
        ClassLoader loader = TikTokEventsProperties.class.getClassLoader();
        URL imports = loader.getResource(
                "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports");
        assertThat(imports).isNotNull();
        try (InputStream in = imports.openStream()) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines())
                    .containsExactly(TikTokEventsAutoConfiguration.class.getName(),
                            TikTokEventsHealthAutoConfiguration.class.getName(),
                            TikTokEventsMetricsAutoConfiguration.class.getName(),
                            TikTokEventsOutboxAutoConfiguration.class.getName());
        }
        // no spring.factories of ours (others' jars may have theirs)
        assertThat(java.util.Collections.list(loader.getResources("META-INF/spring.factories")))
                .noneMatch(url -> url.toString().contains("spring-boot-starter/target")
                        || url.toString().contains("tiktok-events-spring-boot-starter"));
    }
}
