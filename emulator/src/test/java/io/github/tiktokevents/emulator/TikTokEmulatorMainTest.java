package io.github.tiktokevents.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TikTokEmulatorMainTest {
    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);

    private String printed() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void startsOnTheGivenPortWithTheGivenTokenAndLogsEachRequestWithoutTheToken() {
        TikTokEmulator emulator = TikTokEmulatorMain.start(
                new String[] {"--port", "0", "--access-token", "cli-token", "--allow-event-source", "P1"},
                out, name -> null);
        try {
            assertThat(emulator.isRunning()).isTrue();
            assertThat(emulator.accessToken()).isEqualTo("cli-token");
            assertThat(printed()).contains("listening on " + emulator.baseUrl());

            Clients.Answer answer = Clients.post(emulator, Endpoint.PIXEL_TRACK, "{\"pixel_code\":\"P2\",\"event\":\"A\",\"context\":{\"page\":{\"url\":\"https://shop.example\"}}}");

            assertThat(answer.code()).isEqualTo(TikTokCodes.NO_PERMISSION);
            assertThat(printed()).contains("#1 POST /open_api/v1.3/pixel/track/ -> HTTP 200 code 40001")
                    .doesNotContain("cli-token");
        } finally {
            emulator.close();
        }
        assertThat(emulator.isRunning()).isFalse();
    }

    @Test
    void takesTheTokenFromTheEnvironmentAndArmsFaults() {
        Map<String, String> env = Map.of("TIKTOK_ACCESS_TOKEN", "env-token");
        try (TikTokEmulator emulator = TikTokEmulatorMain.start(
                new String[] {"--port", "0", "--rate-limit-every", "2", "--fault-rate", "0.5", "--seed", "3", "--quiet"},
                out, env::get)) {
            assertThat(emulator.accessToken()).isEqualTo("env-token");
            for (int i = 0; i < 4; i++) {
                Clients.post(emulator, Endpoint.EVENT_TRACK, "{}");
            }
            assertThat(emulator.requests().get(1).fault()).contains(Fault.rateLimited());
            assertThat(printed()).doesNotContain("#1");
        }
    }

    @Test
    void defaultsToTheTestToken() {
        try (TikTokEmulator emulator = TikTokEmulatorMain.start(new String[] {"--port", "0"}, out, name -> " ")) {
            assertThat(emulator.accessToken()).isEqualTo(TikTokEmulator.DEFAULT_ACCESS_TOKEN);
        }
    }

    @Test
    void printsTheHelpInsteadOfStarting() {
        assertThat(TikTokEmulatorMain.start(new String[] {"--help"}, out, name -> null)).isNull();
        assertThat(printed()).contains("--port N").contains("--access-token TOKEN");
    }

    @Test
    void rejectsUnknownOptionsAndBadValues() {
        assertThatThrownBy(() -> TikTokEmulatorMain.start(new String[] {"--prot", "1"}, out, name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--prot");
        assertThatThrownBy(() -> TikTokEmulatorMain.start(new String[] {"--port", "x"}, out, name -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TikTokEmulatorMain.start(new String[] {"--port"}, out, name -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value");
    }
}
