package io.github.tiktokevents.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class LifecycleTest {

    private static long threadsNamed(String prefix) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.isAlive() && thread.getName().startsWith(prefix)).count();
    }

    @Test
    void leavesNoThreadBehindAfterClose() {
        long dispatchersBefore = threadsNamed("HTTP-Dispatcher");
        TikTokEmulator emulator = TikTokEmulator.builder().build().start();
        String prefix = HandlerThreads.NAME_PREFIX + emulator.port() + "-";
        Clients.post(emulator, Endpoint.EVENT_TRACK, "{}");
        assertThat(threadsNamed(prefix)).isPositive();
        assertThat(threadsNamed("HTTP-Dispatcher")).isEqualTo(dispatchersBefore + 1);

        emulator.close();

        assertThat(threadsNamed(prefix)).isZero();
        assertThat(threadsNamed("HTTP-Dispatcher")).isEqualTo(dispatchersBefore);
        assertThat(emulator.isRunning()).isFalse();
    }

    @Test
    @Timeout(20)
    void closeInterruptsADelayedRequestInsteadOfWaitingForIt() throws Exception {
        TikTokEmulator emulator = TikTokEmulator.builder().build().start();
        String prefix = HandlerThreads.NAME_PREFIX + emulator.port() + "-";
        emulator.faults().next(Fault.delay(Duration.ofMinutes(10)));
        CompletableFuture<Clients.Answer> pending =
                CompletableFuture.supplyAsync(() -> Clients.post(emulator, Endpoint.EVENT_TRACK, "{}"));
        while (emulator.faults().queued().size() == 1) {
            Thread.onSpinWait();
        }

        emulator.close();

        assertThat(threadsNamed(prefix)).isZero();
        assertThat(pending).failsWithin(Duration.ofSeconds(10));
        RecordedRequest dropped = emulator.requests().get(0);
        assertThat(dropped.httpStatus()).isZero();
        assertThat(dropped.fault()).contains(Fault.delay(Duration.ofMinutes(10)));
    }

    @Test
    void closeIsIdempotentAndAClosedEmulatorCannotRestart() {
        TikTokEmulator emulator = TikTokEmulator.builder().build().start();
        emulator.close();
        emulator.close();

        assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(emulator::baseUrl).isInstanceOf(IllegalStateException.class);
        assertThat(emulator).hasToString("TikTokEmulator[closed]");
    }

    @Test
    void startsOnce() {
        try (TikTokEmulator emulator = TikTokEmulator.builder().build().start()) {
            assertThatThrownBy(emulator::start).isInstanceOf(IllegalStateException.class);
            assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
            assertThat(emulator.url(Endpoint.PIXEL_TRACK)).endsWith(":" + emulator.port() + "/open_api/v1.3/pixel/track/");
            assertThat(emulator.toString()).doesNotContain(emulator.accessToken());
        }
    }

    @Test
    void reportsAPortThatIsTaken() {
        try (TikTokEmulator first = TikTokEmulator.builder().build().start()) {
            TikTokEmulator second = TikTokEmulator.builder().port(first.port()).build();

            assertThatThrownBy(second::start).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining(String.valueOf(first.port()));
        }
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> TikTokEmulator.builder().accessToken(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TikTokEmulator.builder().port(70_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TikTokEmulator.builder().handlerThreads(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TikTokEmulator.builder().futureTolerance(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void servesTheSpecItWasBuiltFrom() throws Exception {
        byte[] packaged;
        try (var in = getClass().getClassLoader().getResourceAsStream(SpecValidator.SPEC_RESOURCE)) {
            assertThat(in).isNotNull();
            packaged = in.readAllBytes();
        }
        assertThat(packaged).isEqualTo(java.nio.file.Files.readAllBytes(
                java.nio.file.Path.of("..", "spec", "tiktok-events-api.yaml")));
    }
}
