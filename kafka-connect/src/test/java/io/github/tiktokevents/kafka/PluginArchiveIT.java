package io.github.tiktokevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin archive as an operator uses it: unzipped into a directory on a worker's {@code plugin.path}, with the
 * connector's own classes not on the worker's classpath, it runs and delivers. Run by failsafe after
 * {@code package}, which builds the archive.
 */
class PluginArchiveIT {
    private static final String CONNECTOR_CLASS = "io.github.tiktokevents.kafka.TikTokSinkConnector";

    @Test
    void aWorkerLoadsTheConnectorFromTheUnzippedArchiveAndItDelivers(@TempDir Path plugins) throws Exception {
        assertThatThrownBy(() -> Class.forName(CONNECTOR_CLASS)).isInstanceOf(ClassNotFoundException.class);
        List<String> jars = unzip(Path.of(System.getProperty("plugin.archive")), plugins);
        assertThat(jars).anyMatch(jar -> jar.startsWith("tiktok-events-kafka-connect-"))
                .anyMatch(jar -> jar.startsWith("tiktok-events-0"))
                .noneMatch(jar -> jar.startsWith("kafka") || jar.startsWith("connect-"));

        try (TikTokEmulator tiktok = TikTokEmulator.builder().build().start()) {
            EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder()
                    .name("plugin-archive")
                    .numWorkers(1)
                    .workerProps(new HashMap<>(Map.of("plugin.path", plugins.toString())))   // the builder adds to it
                    .build();
            connect.start();
            try {
                connect.kafka().createTopic("conversions", 1);
                try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of())) {
                    for (int i = 0; i < 10; i++) {
                        producer.send(new ProducerRecord<>("conversions", null, json(i))).get();
                    }
                }
                connect.configureConnector("tiktok", config(tiktok));
                List<RecordedEvent> events = tiktok.awaitEvents(10, Duration.ofMinutes(2));
                assertThat(events).extracting(RecordedEvent::eventId).contains("conversions-0-0", "conversions-0-9");
            } finally {
                connect.stop();
            }
        }
    }

    private static Map<String, String> config(TikTokEmulator tiktok) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", CONNECTOR_CLASS);
        config.put("tasks.max", "1");
        config.put("topics", "conversions");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put(TikTokSinkConfig.ACCESS_TOKEN, tiktok.accessToken());
        config.put(TikTokSinkConfig.EVENT_SOURCE_ID, "CE3VQJJC77U1234ABCD0");
        config.put(TikTokSinkConfig.BASE_URL, tiktok.baseUrl());
        return config;
    }

    private static byte[] json(int i) {
        return ("{\"event\":\"ViewContent\",\"event_time\":" + Instant.now().minusSeconds(60).getEpochSecond()
                + ",\"user\":{\"email\":\"c" + i + "@example.com\"},\"page\":{\"url\":\"https://shop.example.com/\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** Unzips the archive; returns the names of the jars in it. */
    private static List<String> unzip(Path archive, Path into) throws IOException {
        List<String> jars = new ArrayList<>();
        try (InputStream file = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(file)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("an entry leaves the directory: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target);
                    jars.add(target.getFileName().toString());
                }
            }
        }
        return jars;
    }
}
