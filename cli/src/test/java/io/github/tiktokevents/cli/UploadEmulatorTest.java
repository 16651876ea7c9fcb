package io.github.tiktokevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.RecordedRequest;
import io.github.tiktokevents.emulator.TikTokEmulator;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line's entry point against the emulator, as a user runs it. */
class UploadEmulatorTest {
    static final String SOURCE_ID = "7300000000000000001";
    static TikTokEmulator emulator;

    @TempDir
    Path dir;

    @BeforeAll
    static void startEmulator() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void resetEmulator() {
        emulator.reset();
    }

    @Test
    void uploads100000RowsRejectingTheBadPercentWithReasonsAndSendingEveryGoodRowOnce() throws IOException {
        int rows = 100_000;
        Path input = SampleRows.csv(dir.resolve("orders.csv"), rows, Instant.now());

        CliRun.Result result = CliRun.withToken(emulator.accessToken()).run("upload", input.toString(),
                "--base-url", emulator.baseUrl(), "--event-source-id", SOURCE_ID, "--progress", "none");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.SOME_REFUSED);
        assertThat(result.out()).contains("99,000 accepted, 1,000 refused");
        Map<String, Integer> received = new HashMap<>();
        Set<String> eventIds = new TreeSet<>();
        for (RecordedEvent event : emulator.events()) {
            received.merge((String) event.at("/properties/order_id").orElseThrow(), 1, Integer::sum);
            eventIds.add(event.eventId());
        }
        assertThat(received.keySet()).isEqualTo(SampleRows.goodOrderIds(rows));
        assertThat(received.values()).containsOnly(1);
        assertThat(eventIds).hasSize(99_000);
        assertThat(emulator.requests()).allSatisfy(request -> {
            assertThat(request.accepted()).isTrue();
            assertThat(request.events().size()).isLessThanOrEqualTo(1000);
        });
        assertThat(emulator.requests().size()).isLessThan(200);   // batched, not one request per row

        List<CSVRecord> rejects = readCsv(dir.resolve("orders.rejects.csv"));
        assertThat(rejects).hasSize(1000);
        for (CSVRecord reject : rejects) {
            long index = Long.parseLong(reject.get("tiktok_reject_row")) - 1;
            assertThat(SampleRows.bad(index)).isTrue();
            assertThat(reject.get("order_id")).isEqualTo(SampleRows.orderId(index));
            assertThat(reject.get("tiktok_reject_field")).isEqualTo(SampleRows.expectedField(index));
            assertThat(reject.get("tiktok_reject_message")).isNotBlank();
        }
        // written in row order, as the watermark passes each row
        assertThat(rejects).extracting(r -> Long.parseLong(r.get("tiktok_reject_row"))).isSorted();
        // no more personal data than the input: reasons name fields, never the bad values
        assertThat(rejects).extracting(r -> r.get("tiktok_reject_message"))
                .noneMatch(message -> message.contains("example.com") || message.contains("twelve"));
        Checkpoint checkpoint = new CheckpointStore(dir.resolve("orders.checkpoint.json")).read();
        assertThat(checkpoint.complete()).isTrue();
        assertThat(checkpoint.rowsSettled()).isEqualTo(rows);
    }

    @Test
    void readsJsonLinesFromStandardInput() throws IOException {
        long now = Instant.now().getEpochSecond();
        String lines = """
                {"event":"SubmitForm","event_time":%d,"user":{"email":"a@example.com"},"lead_id":"L-1"}

                {"event":"SubmitForm","event_time":%d,"user":{"email":"b@example.com","phone":"+14155550102"},"lead_id":"L-2"}
                not json at all
                {"event":"SubmitForm","event_time":%d,"user":{"email":"b@@example"},"lead_id":"L-3"}
                """.formatted(now - 60, now - 120, now - 180);
        Path rejects = dir.resolve("leads.rejects.jsonl");

        CliRun.Result result = CliRun.withToken(emulator.accessToken()).stdin(lines).run("upload", "-",
                "--format", "jsonl", "--source", "crm", "--event-source-id", SOURCE_ID, "--base-url",
                emulator.baseUrl(), "--map", "email=user.email", "--map", "phone=user.phone",
                "--rejects", rejects.toString(), "--progress", "none");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.SOME_REFUSED);
        List<RecordedEvent> events = emulator.events();
        assertThat(events).extracting(e -> e.at("/lead/lead_id").orElseThrow()).containsExactlyInAnyOrder("L-1", "L-2");
        assertThat(events).allSatisfy(e -> assertThat(e.at("/user/email").orElseThrow().toString()).matches("\\[?[0-9a-f]{64}\\]?"));
        List<String> rejected = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(rejected).hasSize(2);
        assertThat(rejected.get(0)).contains("\"row\":3", "is not valid JSON", "not json at all");
        assertThat(rejected.get(1)).contains("\"lead_id\":\"L-3\"", "\"field\":\"user.email\"");
        assertThat(result.out()).contains("2 accepted, 2 refused");
    }

    @Test
    void dryRunValidatesAndPrintsHashedPayloadsButSendsNothing() throws IOException {
        Path input = SampleRows.csv(dir.resolve("orders.csv"), 300, Instant.now());

        CliRun.Result result = CliRun.withoutToken().run("upload", input.toString(), "--dry-run", "--show", "2",
                "--base-url", emulator.baseUrl(), "--event-source-id", SOURCE_ID);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.SOME_REFUSED);
        assertThat(result.out()).contains("300 rows, 297 valid, 3 refused", "Nothing was sent")
                .contains("\"order_id\": \"ORD-0\"", "\"order_id\": \"ORD-1\"").doesNotContain("ORD-2\"")
                .doesNotContain("customer0@example.com");
        assertThat(result.err()).contains("row 37: user.email:", "row 137: event_time:", "row 237: properties.value:");
        assertThat(emulator.requestCount()).isZero();
        assertThat(dir.resolve("orders.rejects.csv")).doesNotExist();
        assertThat(dir.resolve("orders.checkpoint.json")).doesNotExist();
    }

    @Test
    void retriesRateLimitedRequestsAndStillSendsEachRowOnce() throws IOException {
        Path input = SampleRows.csv(dir.resolve("orders.csv"), 3000, Instant.now());
        emulator.faults().rateLimitEvery(2);

        CliRun.Result result = CliRun.withToken(emulator.accessToken()).run("upload", input.toString(),
                "--base-url", emulator.baseUrl(), "--event-source-id", SOURCE_ID, "--batch-size", "500",
                "--progress", "none");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.SOME_REFUSED);
        assertThat(emulator.requests()).extracting(RecordedRequest::accepted).contains(false);
        assertThat(emulator.events()).extracting(e -> e.at("/properties/order_id").orElseThrow())
                .doesNotHaveDuplicates().hasSize(2970);
    }

    @Test
    void aRefusedTokenIsAConfigurationErrorAndIsNeverPrinted() throws IOException {
        Path input = SampleRows.csv(dir.resolve("orders.csv"), 20, Instant.now());
        String token = "not-the-emulators-token-7f3a";

        CliRun.Result result = CliRun.withToken(token).run("upload", input.toString(), "--base-url",
                emulator.baseUrl(), "--event-source-id", SOURCE_ID, "--progress", "plain");

        assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.all()).doesNotContain(token).contains("Stopped");
        // nothing was settled past the refused rows, so a run with the right token sends them all
        CliRun.Result again = CliRun.withToken(emulator.accessToken()).run("upload", input.toString(), "--base-url",
                emulator.baseUrl(), "--event-source-id", SOURCE_ID, "--progress", "none");
        assertThat(again.exitCode()).as(again.all()).isEqualTo(ExitCodes.ALL_ACCEPTED);
        assertThat(emulator.events()).hasSize(20);
    }

    @Test
    void usageErrorsExitWith2() throws IOException {
        Path input = SampleRows.csv(dir.resolve("orders.csv"), 5, Instant.now());
        CliRun run = CliRun.withToken(emulator.accessToken());
        String url = emulator.baseUrl();

        assertThat(run.run("upload", input.toString(), "--base-url", url).exitCode())
                .as("no event source id for offline").isEqualTo(ExitCodes.USAGE);
        assertThat(run.run("upload", input.toString(), "--event-source-id", SOURCE_ID, "--map", "colour=x")
                .exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.run("upload", input.toString(), "--event-source-id", SOURCE_ID, "--map", "email=E-Mail")
                .err()).contains("no column [E-Mail]");
        assertThat(CliRun.withoutToken().run("upload", input.toString(), "--event-source-id", SOURCE_ID,
                "--base-url", url).exitCode()).as("no token").isEqualTo(ExitCodes.USAGE);
        assertThat(run.run("upload", "--no-such-option").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.run("upload", dir.resolve("missing.csv").toString()).exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void aFileWithoutAHeaderRowIsAUsageErrorThatQuotesNoneOfItsFirstRow() throws IOException {
        // the first line is a customer's row: Commons CSV's own messages would print it whole
        Path blankCell = Files.writeString(dir.resolve("blank-cell.csv"),
                "jane.doe@example.com,+14155550123,,2024-05-01T10:00:00Z\n");
        Path noHeader = Files.writeString(dir.resolve("no-header.csv"),
                "jane.doe@example.com,+14155550123,2024-05-01T10:00:00Z\n");
        Path repeated = Files.writeString(dir.resolve("repeated.csv"),
                "jane.doe@example.com,jane.doe@example.com,2024-05-01T10:00:00Z\n");
        CliRun run = CliRun.withToken(emulator.accessToken());

        CliRun.Result missingName = run.run("upload", blankCell.toString(), "--dry-run", "--event", "Purchase",
                "--event-source-id", SOURCE_ID);
        CliRun.Result unmapped = run.run("upload", noHeader.toString(), "--dry-run", "--event", "Purchase",
                "--event-source-id", SOURCE_ID, "--map", "email=email");
        CliRun.Result duplicate = run.run("upload", repeated.toString(), "--dry-run", "--event", "Purchase",
                "--event-source-id", SOURCE_ID);

        assertThat(missingName.err()).contains("a column has no name", "is the header row missing?");
        assertThat(unmapped.err()).contains("no column [email]", "its first line has 3 columns");
        assertThat(duplicate.err()).contains("two columns have the same name");
        for (CliRun.Result result : List.of(missingName, unmapped, duplicate)) {
            assertThat(result.exitCode()).as(result.all()).isEqualTo(ExitCodes.USAGE);
            assertThat(result.all()).doesNotContain("jane.doe", "4155550123");
        }
        assertThat(emulator.requestCount()).isZero();
    }

    @Test
    void aFinishedUploadIsNotSentAgainAndACheckpointOfAnotherFileIsRefused() throws IOException {
        Path input = SampleRows.csv(dir.resolve("orders.csv"), 30, Instant.now());
        CliRun run = CliRun.withToken(emulator.accessToken());
        String[] args = {"upload", input.toString(), "--base-url", emulator.baseUrl(), "--event-source-id", SOURCE_ID,
            "--progress", "none"};
        assertThat(run.run(args).exitCode()).isEqualTo(ExitCodes.ALL_ACCEPTED);
        int sent = emulator.events().size();

        CliRun.Result again = run.run(args);
        assertThat(again.out()).contains("Nothing to do", "30 rows");
        assertThat(emulator.events()).hasSize(sent);

        SampleRows.csv(input, 35, Instant.now().minusSeconds(5));      // another export under the same name
        CliRun.Result other = run.run(args);
        assertThat(other.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(other.err()).contains("belongs to another input", "--restart");
        assertThat(run.run(args[0], args[1], args[2], args[3], args[4], args[5], args[6], args[7], "--restart")
                .exitCode()).isEqualTo(ExitCodes.ALL_ACCEPTED);
        assertThat(emulator.events()).hasSize(sent + 35);
    }

    @Test
    void showsAProgressBarWhenAskedAndASummaryAtTheEnd() throws IOException {
        Path input = SampleRows.csv(dir.resolve("orders.csv"), 30, Instant.now());
        CliRun.Result result = CliRun.withToken(emulator.accessToken()).run("upload", input.toString(),
                "--base-url", emulator.baseUrl(), "--event-source-id", SOURCE_ID, "--progress", "bar");
        assertThat(result.err()).contains("upload", "100%", "ok 30");
        assertThat(result.out()).contains("Uploaded", "30 rows read, 30 accepted, 0 refused");
    }

    static List<CSVRecord> readCsv(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    static Set<String> orderIds(List<RecordedEvent> events) {
        return events.stream().map(e -> (String) e.at("/properties/order_id").orElseThrow())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
