package io.github.tiktokevents.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --spec FILE} runs the standalone emulator against a copy of the spec. */
class MainSpecOptionTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void parsesTheOption() {
        MainOptions options = MainOptions.parse(new String[] {"--spec", "specs/edited.yaml", "--quiet"}, name -> null);

        assertThat(options.spec).isEqualTo(Path.of("specs", "edited.yaml"));
        assertThat(MainOptions.parse(new String[] {"--quiet"}, name -> null).spec).isNull();
    }

    @Test
    void validatesAgainstTheGivenCopy() {
        Path spec = SpecCopies.write(dir, "edited.yaml", SpecCopyTest.changedSpec());
        String body = "{\"event_source\":\"mini_app\",\"event_source_id\":\"MA1\",\"data\":[{\"event\":\"A\","
                + "\"event_time\":" + Instant.now().getEpochSecond() + ",\"user\":{\"date_of_birth\":\"%s\"}}]}";

        try (TikTokEmulator emulator = TikTokEmulatorMain.start(
                new String[] {"--port", "0", "--spec", spec.toString(), "--quiet"}, out, name -> null)) {
            Clients.Answer hashed = Clients.post(emulator, Endpoint.EVENT_TRACK, body.formatted(Clients.sha256("1990")));
            Clients.Answer unhashed = Clients.post(emulator, Endpoint.EVENT_TRACK, body.formatted("1990-01-31"));

            assertThat(hashed.code()).as(hashed.body()).isZero();
            assertThat(unhashed.message()).contains("$.data[0].user.date_of_birth: must be a SHA-256 hash")
                    .doesNotContain("1990");
            assertThat(printed()).contains("listening on " + emulator.baseUrl())
                    .contains("Validating requests against " + spec.toAbsolutePath().normalize());
        }
    }

    @Test
    void withoutTheOptionValidatesAgainstThePackagedSpecAndSaysNothingAboutIt() {
        try (TikTokEmulator emulator = TikTokEmulatorMain.start(new String[] {"--port", "0", "--quiet"}, out,
                name -> null)) {
            String body = "{\"event_source\":\"mini_app\",\"event_source_id\":\"MA1\",\"data\":[{\"event\":\"A\","
                    + "\"event_time\":" + Instant.now().getEpochSecond() + "}]}";

            assertThat(Clients.post(emulator, Endpoint.EVENT_TRACK, body).message()).contains("$.event_source");
            assertThat(printed()).doesNotContain("Validating requests against");
        }
    }

    @Test
    void documentsTheOptionAndRejectsAMissingValueOrFile() {
        assertThat(TikTokEmulatorMain.start(new String[] {"--help"}, out, name -> null)).isNull();
        assertThat(printed()).contains("--spec FILE");
        assertThatThrownBy(() -> TikTokEmulatorMain.start(new String[] {"--spec"}, out, name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--spec needs a value");
        assertThatThrownBy(() -> TikTokEmulatorMain.start(
                new String[] {"--port", "0", "--spec", dir.resolve("missing.yaml").toString()}, out, name -> null))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("missing.yaml");
    }
}
