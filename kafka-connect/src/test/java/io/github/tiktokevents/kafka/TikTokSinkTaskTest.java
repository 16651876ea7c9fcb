package io.github.tiktokevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.kafka.internal.DeadLetters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TikTokSinkTaskTest {
    private static final String TOPIC = "conversions";
    private static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    private static TikTokEmulator tiktok;

    private final FakeSinkTaskContext context = new FakeSinkTaskContext();
    private final TikTokSinkTask task = new TikTokSinkTask();

    @BeforeAll
    static void startEmulator() {
        // stricter about the future than the SDK (1 hour), so an event 30 minutes ahead leaves the SDK and TikTok refuses it
        tiktok = TikTokEmulator.builder().futureTolerance(Duration.ofMinutes(5)).build().start();
    }

    @AfterAll
    static void stopEmulator() {
        tiktok.close();
    }

    @BeforeEach
    void resetEmulator() {
        tiktok.reset();
        task.initialize(context);
    }

    @AfterEach
    void stopTask() {
        task.stop();
    }

    @Test
    void deliversEveryRecordAndCommitsPastTheLast() {
        task.start(settings(Map.of()));
        task.open(List.of(P0));

        task.put(records(0, 5));

        assertThat(tiktok.events()).extracting(RecordedEvent::eventId)
                .containsExactly("conversions-0-0", "conversions-0-1", "conversions-0-2", "conversions-0-3",
                        "conversions-0-4");
        assertThat(task.preCommit(current(5))).containsEntry(P0, new OffsetAndMetadata(5));
    }

    @Test
    void oneRefusedEventGoesToTheDeadLetterQueueWithTikToksAnswerAndItsNeighboursArrive() {
        context.completeReportsAtOnce = false;
        task.start(settings(Map.of()));
        task.open(List.of(P0));
        List<SinkRecord> records = records(0, 10);
        records.set(6, record(6, Instant.now().plus(30, ChronoUnit.MINUTES)));   // TikTok refuses it: in the future

        task.put(records);

        assertThat(tiktok.events()).extracting(RecordedEvent::eventId).hasSize(9)
                .doesNotContain("conversions-0-6").doesNotHaveDuplicates();
        assertThat(context.reports).hasSize(1);
        FakeSinkTaskContext.Report report = context.reports.get(0);
        assertThat(report.record().kafkaOffset()).isEqualTo(6);
        assertThat(report.header(DeadLetters.CODE_HEADER)).isEqualTo("40002");
        assertThat(report.header(DeadLetters.MESSAGE_HEADER)).contains("event_time");
        assertThat(report.header(DeadLetters.REQUEST_ID_HEADER)).isNotBlank();
        // the record is not settled until the dead-letter write completes
        assertThat(task.preCommit(current(10))).containsEntry(P0, new OffsetAndMetadata(6));
        report.future().complete(null);
        assertThat(task.preCommit(current(10))).containsEntry(P0, new OffsetAndMetadata(10));
    }

    @Test
    void retryableFailuresApplyBackPressureAndOnlyUnsettledRecordsAreSentAgain() {
        task.start(settings(Map.of(TikTokSinkConfig.BATCH_SIZE, "2", TikTokSinkConfig.RETRY_MAX_ATTEMPTS, "1",
                TikTokSinkConfig.RETRY_BACKOFF_MS, "1234")));
        task.open(List.of(P0));
        tiktok.faults().every(2, Fault.rateLimited());   // the second request of two is rate limited
        List<SinkRecord> records = records(0, 4);

        assertThatThrownBy(() -> task.put(records)).isInstanceOf(RetriableException.class)
                .hasMessageContaining("2 of 4 events are not delivered yet").hasMessageContaining("40100");
        assertThat(context.timeoutMs).isEqualTo(1234);
        assertThat(task.preCommit(current(4))).containsEntry(P0, new OffsetAndMetadata(2));

        tiktok.faults().clear();
        task.put(records);   // the worker gives the same batch again

        assertThat(tiktok.events()).extracting(RecordedEvent::eventId).containsExactly(
                "conversions-0-0", "conversions-0-1", "conversions-0-2", "conversions-0-3");
        assertThat(task.preCommit(current(4))).containsEntry(P0, new OffsetAndMetadata(4));
    }

    @Test
    void anInterruptedSendKeepsItsRecordsForLaterInsteadOfReportingThem() {
        task.start(settings(Map.of()));
        task.open(List.of(P0));

        Thread.currentThread().interrupt();   // as when the worker stops the task mid-put
        try {
            assertThatThrownBy(() -> task.put(records(0, 3))).isInstanceOf(RetriableException.class);
        } finally {
            Thread.interrupted();
        }

        assertThat(context.reports).isEmpty();
        assertThat(task.preCommit(current(3))).isEmpty();
    }

    @Test
    void aWrongTokenFailsTheTaskWithAMessageThatNamesTheSettingAndNotTheToken() {
        task.start(settings(Map.of(TikTokSinkConfig.ACCESS_TOKEN, "wrong-secret-token-123")));
        task.open(List.of(P0));

        assertThatThrownBy(() -> task.put(records(0, 3)))
                .isInstanceOf(ConnectException.class).isNotInstanceOf(RetriableException.class)
                .hasMessageContaining("TikTok refused the access token (code 40105")
                .hasMessageContaining(TikTokSinkConfig.ACCESS_TOKEN)
                .message().doesNotContain("wrong-secret-token-123");
        assertThat(task.preCommit(current(3))).isEmpty();
        assertThat(context.reports).isEmpty();
    }

    @Test
    void anUnmappableRecordIsReportedWithItsReasonAndTheTaskGoesOn() {
        task.start(settings(Map.of()));
        task.open(List.of(P0));
        List<SinkRecord> records = records(0, 3);
        records.set(1, new SinkRecord(TOPIC, 0, null, null, null, Map.of("no", "name"), 1, null,
                TimestampType.NO_TIMESTAMP_TYPE));

        task.put(records);

        assertThat(tiktok.events()).extracting(RecordedEvent::eventId)
                .containsExactly("conversions-0-0", "conversions-0-2");
        assertThat(context.reports).singleElement().satisfies(report -> assertThat(
                report.header(DeadLetters.REASON_HEADER)).contains("event name field 'event' is missing"));
        assertThat(task.preCommit(current(3))).containsEntry(P0, new OffsetAndMetadata(3));
    }

    @Test
    void withoutAnErrantRecordReporterAnUndeliverableRecordStopsTheTaskInsteadOfBeingLost() {
        context.hasReporter = false;
        task.start(settings(Map.of()));
        task.open(List.of(P0));
        List<SinkRecord> records = records(0, 2);
        records.set(0, new SinkRecord(TOPIC, 0, null, null, null, null, 0, null, TimestampType.NO_TIMESTAMP_TYPE));

        assertThatThrownBy(() -> task.put(records)).isInstanceOf(ConnectException.class)
                .hasMessageContaining("no errant record reporter");
        assertThat(task.preCommit(current(2))).isEmpty();
    }

    @Test
    void aFailedDeadLetterWriteStopsTheTaskWithoutCommittingTheRecord() {
        context.completeReportsAtOnce = false;
        task.start(settings(Map.of()));
        task.open(List.of(P0));
        List<SinkRecord> records = records(0, 3);
        records.set(1, new SinkRecord(TOPIC, 0, null, null, null, null, 1, null, TimestampType.NO_TIMESTAMP_TYPE));
        task.put(records);

        context.reports.get(0).future().completeExceptionally(new IllegalStateException("DLQ topic is gone"));

        assertThatThrownBy(() -> task.preCommit(current(3))).isInstanceOf(ConnectException.class)
                .hasMessageContaining("dead-letter queue");
        assertThatThrownBy(() -> task.put(List.of())).isInstanceOf(ConnectException.class)
                .hasMessageContaining("dead-letter queue");
    }

    @Test
    void revokedPartitionsCommitNothingMoreAndTheirPendingReportsAreAbandoned() {
        context.completeReportsAtOnce = false;
        task.start(settings(Map.of()));
        task.open(List.of(P0));
        List<SinkRecord> records = records(0, 3);
        records.set(0, new SinkRecord(TOPIC, 0, null, null, null, null, 0, null, TimestampType.NO_TIMESTAMP_TYPE));
        task.put(records);
        assertThat(task.preCommit(current(3))).isEmpty();

        task.close(List.of(P0));
        context.reports.get(0).future().complete(null);

        assertThat(task.preCommit(current(3))).isEmpty();
    }

    private static Map<String, String> settings(Map<String, String> overrides) {
        Map<String, String> settings = new HashMap<>();
        settings.put(TikTokSinkConfig.ACCESS_TOKEN, tiktok.accessToken());
        settings.put(TikTokSinkConfig.EVENT_SOURCE_ID, "CE3VQJJC77U1234ABCD0");
        settings.put(TikTokSinkConfig.BASE_URL, tiktok.baseUrl());
        settings.put(TikTokSinkConfig.RETRY_INITIAL_DELAY_MS, "1");
        settings.put(TikTokSinkConfig.RETRY_MAX_DELAY_MS, "2");
        settings.putAll(overrides);
        return settings;
    }

    private static List<SinkRecord> records(int from, int count) {
        List<SinkRecord> records = new ArrayList<>();
        for (int offset = from; offset < from + count; offset++) {
            records.add(record(offset, Instant.now().minusSeconds(60)));
        }
        return records;
    }

    private static SinkRecord record(long offset, Instant time) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("event", "Purchase");
        value.put("event_time", time.getEpochSecond());
        value.put("user", Map.of("email", "customer" + offset + "@example.com"));
        value.put("page", Map.of("url", "https://shop.example.com/"));
        return new SinkRecord(TOPIC, 0, null, null, null, value, offset, time.toEpochMilli(),
                TimestampType.CREATE_TIME);
    }

    private static Map<TopicPartition, OffsetAndMetadata> current(long next) {
        return Map.of(P0, new OffsetAndMetadata(next));
    }
}
