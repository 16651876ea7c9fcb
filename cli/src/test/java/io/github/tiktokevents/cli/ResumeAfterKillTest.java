package io.github.tiktokevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload in a child JVM killed (SIGKILL, no shutdown hook runs) half way, then resumed: every row's event arrives,
 * each order under one event id, and the rejects file lists each bad row once.
 */
class ResumeAfterKillTest {
    static final int ROWS = 30_000;

    @TempDir
    Path dir;

    TikTokEmulator emulator;

    @BeforeEach
    void start() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void aKilledUploadResumesFromItsCheckpointAndEveryRowArrivesUnderOneEventId() throws Exception {
        Path input = SampleRows.csv(dir.resolve("orders.csv"), ROWS, Instant.now());
        Path checkpointFile = dir.resolve("orders.checkpoint.json");
        // slow answers keep the child busy long enough to be killed in the middle
        emulator.faults().every(1, Fault.delay(Duration.ofMillis(150)));

        Process child = childUpload(input);
        long settledAtKill = awaitCheckpointPast(checkpointFile, ROWS / 4, child);
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        long settledAfterKill = new CheckpointStore(checkpointFile).read().rowsSettled();
        assertThat(settledAfterKill).as("killed half way").isGreaterThanOrEqualTo(settledAtKill).isLessThan(ROWS);
        int receivedBeforeResume = emulator.events().size();
        emulator.faults().clear();

        CliRun.Result resumed = CliRun.withToken(emulator.accessToken()).run("upload", input.toString(),
                "--base-url", emulator.baseUrl(), "--event-source-id", UploadEmulatorTest.SOURCE_ID,
                "--progress", "none");

        assertThat(resumed.exitCode()).as(resumed.all()).isEqualTo(ExitCodes.SOME_REFUSED);
        assertThat(resumed.err()).contains("Resuming");
        assertThat(resumed.out()).contains("in all " + String.format("%,d", ROWS - ROWS / 100) + " rows accepted");
        Map<String, Set<String>> eventIdsByOrder = new HashMap<>();
        Map<String, Integer> copiesByOrder = new HashMap<>();
        for (RecordedEvent event : emulator.events()) {
            String order = (String) event.at("/properties/order_id").orElseThrow();
            eventIdsByOrder.computeIfAbsent(order, o -> new HashSet<>()).add(event.eventId());
            copiesByOrder.merge(order, 1, Integer::sum);
        }
        assertThat(eventIdsByOrder.keySet()).isEqualTo(SampleRows.goodOrderIds(ROWS));
        // after TikTok's deduplication by event id, each row is one event
        assertThat(eventIdsByOrder.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        // only rows past the checkpoint's watermark were sent twice, at most once more each
        copiesByOrder.forEach((order, copies) -> {
            if (copies > 1) {
                assertThat(copies).isEqualTo(2);
                assertThat(Long.parseLong(order.substring("ORD-".length()))).isGreaterThanOrEqualTo(settledAfterKill);
            }
        });
        assertThat(receivedBeforeResume).isPositive();

        List<CSVRecord> rejects = UploadEmulatorTest.readCsv(dir.resolve("orders.rejects.csv"));
        List<Long> rejectedRows = new ArrayList<>();
        rejects.forEach(r -> rejectedRows.add(Long.parseLong(r.get("tiktok_reject_row"))));
        assertThat(rejectedRows).hasSize(ROWS / 100).doesNotHaveDuplicates().isSorted();
        assertThat(new CheckpointStore(checkpointFile).read().complete()).isTrue();
    }

    private Process childUpload(Path input) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TikTokEventsCli.class.getName(), "upload", input.toString(), "--base-url", emulator.baseUrl(),
                "--event-source-id", UploadEmulatorTest.SOURCE_ID, "--batch-size", "250", "--progress", "none");
        builder.environment().put("TIKTOK_ACCESS_TOKEN", emulator.accessToken());
        builder.redirectOutput(dir.resolve("child.out").toFile()).redirectError(dir.resolve("child.err").toFile());
        return builder.start();
    }

    /** Waits (polling, up to a minute) until the child's checkpoint has settled at least {@code rows} rows. */
    private long awaitCheckpointPast(Path checkpointFile, long rows, Process child) throws Exception {
        CheckpointStore store = new CheckpointStore(checkpointFile);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (System.nanoTime() < deadline) {
            assertThat(child.isAlive()).as(() -> "child ended early: " + read(dir.resolve("child.err"))).isTrue();
            if (Files.exists(checkpointFile)) {
                Checkpoint checkpoint = store.read();
                if (checkpoint.rowsSettled() >= rows) {
                    return checkpoint.rowsSettled();
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the child did not reach " + rows + " rows: " + read(dir.resolve("child.err")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
