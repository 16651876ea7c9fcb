package io.github.tiktokevents.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.emulator.TikTokEmulator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cheap half of the reproducible-build promise, on every build: each published jar stamps every entry with
 * {@code project.build.outputTimestamp}, not with the time it was built, so the jar's bytes do not depend on when
 * it was made. {@code scripts/check-reproducible.sh} checks the whole promise (two builds, identical bytes), which
 * takes minutes. Needs the packaged jars: runs under {@code mvn verify}, skipped under {@code mvn test}.
 */
class ReproducibleJarsTest {
    @ParameterizedTest
    @ValueSource(strings = {"sdk", "client", "emulator"})
    void everyEntryCarriesTheOutputTimestamp(String module) throws IOException, URISyntaxException {
        Class<?> anchor = switch (module) {
            case "sdk" -> TikTokEvents.class;
            case "client" -> EventApi.class;
            default -> TikTokEmulator.class;
        };
        Path jar = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(jar.toString().endsWith(".jar"), "not packaged yet (" + jar + "): run mvn verify");
        // zip entries keep a wall-clock time; the jar plugin writes the timestamp's UTC wall clock
        LocalDateTime stamp = OffsetDateTime.parse(System.getProperty("tiktok.outputTimestamp"))
                .withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime();

        Map<String, LocalDateTime> otherTimes;
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.size()).isPositive();
            otherTimes = file.stream().filter(e -> !e.getTimeLocal().equals(stamp))
                    .collect(Collectors.toMap(e -> e.getName(), e -> e.getTimeLocal(), (a, b) -> a, TreeMap::new));
        }
        assertThat(otherTimes.size()).as("entries of %s not stamped %s, e.g. %s", jar.getFileName(), stamp,
                otherTimes.entrySet().stream().limit(3).toList()).isZero();
    }
}
