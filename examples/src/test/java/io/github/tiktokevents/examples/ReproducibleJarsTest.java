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
 * The cheap half of the reproducible-build promise, on every build: each published jar stamps every entry of its
 * own with {@code project.build.outputTimestamp}, not with the time it was built, so the jar's bytes do not depend on
 * when it was made; the libraries the emulator embeds keep their entries' fixed times from their released jars. {@code scripts/check-reproducible.sh} checks the whole promise (two builds, identical bytes), which
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
        Map<String, LocalDateTime> embeddedLater;
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.size()).isPositive();
            otherTimes = file.stream().filter(e -> ours(e.getName()) && !e.getTimeLocal().equals(stamp))
                    .collect(Collectors.toMap(e -> e.getName(), e -> e.getTimeLocal(), (a, b) -> a, TreeMap::new));
            // the emulator's embedded libraries keep their entries' times from the libraries' released jars: fixed,
            // and never this build's clock, so never later than the stamp
            embeddedLater = file.stream().filter(e -> !ours(e.getName()) && e.getTimeLocal().isAfter(stamp))
                    .collect(Collectors.toMap(e -> e.getName(), e -> e.getTimeLocal(), (a, b) -> a, TreeMap::new));
        }
        assertThat(otherTimes.size()).as("entries of %s not stamped %s, e.g. %s", jar.getFileName(), stamp,
                otherTimes.entrySet().stream().limit(3).toList()).isZero();
        assertThat(embeddedLater.size()).as("embedded entries of %s later than %s, e.g. %s", jar.getFileName(),
                stamp, embeddedLater.entrySet().stream().limit(3).toList()).isZero();
    }

    /**
     * This project's own entries: its classes and resources and the manifest. The rest is what the emulator embeds:
     * the libraries' classes (relocated under emulator/internal/shaded; the emulator has no internal package of its
     * own), resources, licences and service files.
     */
    private static boolean ours(String name) {
        return name.equals("META-INF/") || name.equals("META-INF/MANIFEST.MF")
                || name.startsWith("io/github/tiktokevents/") && !name.startsWith("io/github/tiktokevents/emulator/internal/")
                || name.equals("io/") || name.equals("io/github/");
    }
}
