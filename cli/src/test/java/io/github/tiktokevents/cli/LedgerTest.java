package io.github.tiktokevents.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerTest {
    static final List<String> HEADER = List.of("order_id", "email");

    @TempDir
    Path dir;

    @Test
    void theWatermarkOnlyPassesRowsWhoseOutcomeIsKnownWhateverTheOrderOfOutcomes() throws IOException {
        try (RejectsFile rejects = rejectsFile(0)) {
            Ledger ledger = new Ledger(Checkpoint.start("in.csv", "f"), rejects, 10);
            ledger.delivered(2);
            ledger.rejected(1, reject(1));
            assertThat(ledger.watermark()).isZero();
            ledger.delivered(0);
            assertThat(ledger.watermark()).isEqualTo(3);
            ledger.delivered(4);
            assertThat(ledger.watermark()).isEqualTo(3);

            Checkpoint checkpoint = ledger.checkpoint(Checkpoint.start("in.csv", "f"), false);
            assertThat(checkpoint.rowsSettled()).isEqualTo(3);
            assertThat(checkpoint.delivered()).isEqualTo(2);
            assertThat(checkpoint.rejected()).isEqualTo(1);
            assertThat(checkpoint.rejectsBytes()).isEqualTo(Files.size(dir.resolve("rejects.csv")));
        }
    }

    @Test
    void rejectsAreWrittenInRowOrderOnlyOnceTheWatermarkPassesThem() throws IOException {
        try (RejectsFile rejects = rejectsFile(0)) {
            Ledger ledger = new Ledger(Checkpoint.start("in.csv", "f"), rejects, 10);
            ledger.rejected(3, reject(3));
            ledger.rejected(1, reject(1));
            rejects.sync();
            assertThat(lines()).hasSize(1);     // header only: row 0 is still open
            ledger.delivered(0);
            ledger.delivered(2);
            rejects.sync();
            assertThat(lines()).hasSize(3);
            assertThat(lines().get(1)).startsWith("O-1,");
            assertThat(lines().get(2)).startsWith("O-3,");
        }
    }

    @Test
    void aStoppedRowHoldsTheWatermarkSoAResumedRunSendsItAgain() throws IOException {
        try (RejectsFile rejects = rejectsFile(0)) {
            Ledger ledger = new Ledger(Checkpoint.start("in.csv", "f"), rejects, 10);
            DeliveryTracker tracker = new DeliveryTracker(ledger);
            tracker.track("e0", row(0));
            tracker.track("e1", row(1));
            tracker.track("e2", row(2));
            tracker.delivered("e0", "r");
            tracker.failed("e1", new TikTokTransportException("connection refused", new IOException()));
            tracker.delivered("e2", "r");
            assertThat(ledger.stopped()).isTrue();
            assertThat(ledger.stopFatal()).isFalse();
            assertThat(ledger.watermark()).isEqualTo(1);
            assertThat(tracker.idle()).isTrue();
        }
    }

    @Test
    void aRefusalOfTheEventItselfGoesToTheRejectsFileWithTikToksCodeAndRequestId() throws IOException {
        try (RejectsFile rejects = rejectsFile(0)) {
            Ledger ledger = new Ledger(Checkpoint.start("in.csv", "f"), rejects, 10);
            DeliveryTracker tracker = new DeliveryTracker(ledger);
            tracker.track("e0", row(0));
            tracker.failed("e0", new InvalidRequestException(40002, "Invalid parameter: data[0].event", "req-42", 200, null));
            rejects.sync();
            assertThat(ledger.stopped()).isFalse();
            assertThat(lines().get(1)).isEqualTo("O-0,customer0@example.com,1,,40002,Invalid parameter: data[0].event,req-42");
        }
    }

    @Test
    void duplicateRowsUnderOneEventIdEachGetAnOutcome() throws IOException {
        try (RejectsFile rejects = rejectsFile(0)) {
            Ledger ledger = new Ledger(Checkpoint.start("in.csv", "f"), rejects, 10);
            DeliveryTracker tracker = new DeliveryTracker(ledger);
            tracker.track("same", row(0));
            tracker.track("same", row(1));
            tracker.delivered("same", "r");
            tracker.delivered("same", "r");
            assertThat(ledger.watermark()).isEqualTo(2);
        }
    }

    @Test
    void aResumedRejectsFileIsCutBackToTheCheckpointSoNoRowIsListedTwice() throws IOException {
        long kept;
        try (RejectsFile rejects = rejectsFile(0)) {
            Ledger ledger = new Ledger(Checkpoint.start("in.csv", "f"), rejects, 10);
            ledger.rejected(0, reject(0));
            kept = ledger.checkpoint(Checkpoint.start("in.csv", "f"), false).rejectsBytes();
            ledger.rejected(1, reject(1));     // written after the checkpoint: the crashed run's extra line
        }
        try (RejectsFile rejects = rejectsFile(kept)) {
            new Ledger(new Checkpoint(1, "in.csv", "f", 1, 0, 1, kept, false), rejects, 10).rejected(1, reject(1));
        }
        assertThat(lines()).containsExactly("order_id,email,tiktok_reject_row,tiktok_reject_field,tiktok_reject_code,"
                        + "tiktok_reject_message,tiktok_reject_request_id",
                "O-0,customer0@example.com,1,user.email,,is not an email address,",
                "O-1,customer1@example.com,2,user.email,,is not an email address,");
    }

    @Test
    void theReaderWaitsWhenTheWindowAheadOfTheWatermarkIsFull() throws Exception {
        Ledger ledger = new Ledger(Checkpoint.start("in.csv", "f"), null, 4);
        assertThat(ledger.awaitRoom(3, 1)).isTrue();
        assertThat(ledger.awaitRoom(4, 1)).isFalse();
        ledger.delivered(0);
        assertThat(ledger.awaitRoom(4, 1)).isTrue();
    }

    private RejectsFile rejectsFile(long keep) throws IOException {
        return RejectsFile.open(dir.resolve("rejects.csv"), InputFormat.CSV, HEADER, keep);
    }

    private List<String> lines() throws IOException {
        return Files.readAllLines(dir.resolve("rejects.csv"), StandardCharsets.UTF_8);
    }

    static Row row(long index) {
        String order = "O-" + index;
        String email = "customer" + index + "@example.com";
        return new Row(index, Map.of("order_id", order, "email", email), List.of(order, email), null, null);
    }

    static Reject reject(long index) {
        return Reject.invalid(row(index), new RowRejectedException("user.email", "is not an email address"));
    }
}
