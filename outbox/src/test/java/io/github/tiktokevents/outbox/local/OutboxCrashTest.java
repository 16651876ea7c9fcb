package io.github.tiktokevents.outbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} tests: child JVMs ({@link OutboxChild}) write into a local outbox and send to the emulator running
 * in this JVM; {@link Process#destroyForcibly()} is SIGKILL on Linux, so the child gets no chance to flush or close.
 */
@Timeout(240)
class OutboxCrashTest {
    private static final int EVENTS = 20_000;

    @TempDir
    Path directory;
    private TikTokEmulator tiktok;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void start() {
        tiktok = TikTokEmulator.builder().build().start();
    }

    @AfterEach
    void stop() {
        children.forEach(Process::destroyForcibly);
        tiktok.close();
    }

    @Test
    void aProcessKilledMidRunLosesNothingAndTheNextOneSendsWhatItLeft() throws Exception {
        long seed = System.nanoTime();
        int killAfter = 1_000 + new Random(seed).nextInt(EVENTS - 2_000);
        System.out.println("OutboxCrashTest: seed " + seed + ", killing the first process after " + killAfter
                + " acknowledged events");
        Process first = child("send", directory.toString(), tiktok.baseUrl(), "0", Integer.toString(EVENTS));
        BufferedReader out = output(first);
        int lastStored = -1;
        String line;
        while (lastStored < killAfter - 1 && (line = out.readLine()) != null) {
            if (line.startsWith("stored ")) {
                lastStored = Integer.parseInt(line.substring(7));
            }
        }
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(lastStored).as("the first process's last acknowledged event").isEqualTo(killAfter - 1);

        // the next process resumes after the last event it knows was stored; anything between was stored twice
        Process second = child("send", directory.toString(), tiktok.baseUrl(), Integer.toString(lastStored + 1),
                Integer.toString(EVENTS));
        assertThat(waitFor(output(second), "drained"::equals, "drained")).isTrue();
        assertThat(second.waitFor(60, TimeUnit.SECONDS)).isTrue();

        Map<String, Long> arrivals = tiktok.events().stream().filter(RecordedEvent::accepted)
                .collect(Collectors.groupingBy(RecordedEvent::eventId, Collectors.counting()));
        long twice = arrivals.values().stream().filter(n -> n == 2).count();
        System.out.println("OutboxCrashTest: " + EVENTS + " events, killed after " + killAfter + "; " + arrivals.size()
                + " distinct ids arrived, " + twice + " of them twice, none more");
        for (int i = 0; i < EVENTS; i++) {
            assertThat(arrivals).as("event e%d arrived", i).containsKey("e" + i);
        }
        assertThat(arrivals).hasSize(EVENTS);
        assertThat(arrivals.values()).allMatch(n -> n <= 2);
    }

    @Test
    void aTornLastWriteIsSkippedWithAWarningAndEverythingBeforeItIsDelivered() throws Exception {
        Process writer = child("store", directory.toString(), "40");
        assertThat(waitFor(output(writer), "stored-all"::equals, "stored-all")).isTrue();
        writer.destroyForcibly();
        assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Path wal = directory.resolve(SqliteStore.FILE + "-wal");
        assertThat(wal).exists(); // a killed process never checkpoints: the events are in the log
        try (RandomAccessFile file = new RandomAccessFile(wal.toFile(), "rw")) {
            file.setLength(file.length() - 100); // the last frame (the last event's commit) cut mid-write
        }
        List<String> warnings = new ArrayList<>();
        Logger logger = Logger.getLogger("io.github.tiktokevents.outbox");
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                warnings.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        logger.addHandler(capture);
        LocalOutbox outbox;
        try {
            outbox = LocalOutbox.builder(directory).build();
        } finally {
            logger.removeHandler(capture);
        }

        assertThat(warnings).anySatisfy(warning -> assertThat(warning).contains("cut short").contains(wal.toString()));
        assertThat(outbox.size()).isEqualTo(39);
        try (TikTokEvents client = TikTokEvents.builder().accessToken(tiktok.accessToken()).pixelCode(OutboxChild.PIXEL)
                .baseUrl(tiktok.baseUrl()).build()) {
            EventProcessor processor = client.processor(ProcessorOptions.builder().drainOnShutdown(false).build(), outbox);
            assertThat(processor.flush(Duration.ofSeconds(60))).isTrue();
            processor.close();
        }
        assertThat(tiktok.events()).extracting(RecordedEvent::eventId)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.range(0, 39).mapToObj(i -> "e" + i).toList());
    }

    @Test
    void aSecondProcessOnTheSameDirectoryIsRefusedUntilTheFirstDies() throws Exception {
        Process holder = child("hold", directory.toString());
        assertThat(waitFor(output(holder), "holding"::equals, "holding")).isTrue();

        assertThatThrownBy(() -> LocalOutbox.builder(directory).build())
                .isInstanceOf(TikTokConfigurationException.class)
                .hasMessageContaining(directory.toString())
                .hasMessageContaining("in use by another process");

        holder.destroyForcibly();
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        LocalOutbox after = LocalOutbox.builder(directory).build(); // the system dropped the dead process's lock
        assertThat(after.claim(EventSource.WEB, 1)).extracting(OutboxEvent::eventId).isEmpty();
        after.close();
    }

    private Process child(String... args) throws IOException {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, OutboxChild.class.getName()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        children.add(process);
        return process;
    }

    private static BufferedReader output(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static boolean waitFor(BufferedReader out, Predicate<String> wanted, String what) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (wanted.test(line)) {
                return true;
            }
        }
        throw new AssertionError("the child process ended without printing " + what);
    }
}
