package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.kafka.TikTokSinkConfig;
import io.github.tiktokevents.kafka.TikTokSinkTask;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * Issue 13's figure: records per second through one {@link TikTokSinkTask}, driven as a Connect worker drives it,
 * against the emulator; beside it, the SDK's processor alone sending the same events, in the same run.
 *
 * <p>The task is given {@link SinkRecord}s with schemaless map values (what the JSON converter hands a sink), in
 * {@code put} calls of {@value #RECORDS_PER_PUT} (the consumer's default {@code max.poll.records}), one partition,
 * then asked what it can commit ({@code preCommit}), which must be every record. That is the whole of the task's work
 * in a worker: mapping, delivery with the SDK's retries, offset tracking. The worker's consumer, converter and commit
 * round trips to a broker are left out on purpose: they are Kafka's cost, the same for every sink, and an embedded
 * cluster on this 2-core machine would share the CPU with the task and the emulator and measure itself as much.
 */
final class SinkTaskFigure {
    /** Records per {@code put}: Kafka's consumer default {@code max.poll.records}. */
    static final int RECORDS_PER_PUT = 500;
    static final String PIXEL = "CE3VQJJC77U1234ABCD0";
    private static final String TOPIC = "conversions";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    private SinkTaskFigure() {
    }

    /**
     * Records per second through one task.
     *
     * @param emulator the emulator
     * @param records how many
     * @return records per second, from the first {@code put} until {@code preCommit} offered the last offset
     */
    static double recordsPerSecond(EmulatorUnderLoad emulator, long records) {
        long now = System.currentTimeMillis();
        TikTokSinkTask task = new TikTokSinkTask();
        task.initialize(new WorkerContext());
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put(TikTokSinkConfig.ACCESS_TOKEN, emulator.accessToken());
        settings.put(TikTokSinkConfig.EVENT_SOURCE_ID, PIXEL);
        settings.put(TikTokSinkConfig.BASE_URL, emulator.baseUrl());
        task.start(settings);
        long acceptedBefore = emulator.accepted();
        try {
            task.open(List.of(PARTITION));
            long start = System.nanoTime();
            for (long offset = 0; offset < records; offset += RECORDS_PER_PUT) {
                List<SinkRecord> batch = new ArrayList<>(RECORDS_PER_PUT);
                for (long i = offset; i < Math.min(records, offset + RECORDS_PER_PUT); i++) {
                    batch.add(record(i, now));
                }
                task.put(batch);
            }
            Map<TopicPartition, OffsetAndMetadata> committable =
                    task.preCommit(Map.of(PARTITION, new OffsetAndMetadata(records)));
            double seconds = (System.nanoTime() - start) / 1e9;
            if (!new OffsetAndMetadata(records).equals(committable.get(PARTITION))
                    || emulator.accepted() - acceptedBefore != records) {
                throw new IllegalStateException("not every record settled: " + committable);
            }
            return records / seconds;
        } finally {
            task.stop();
        }
    }

    /**
     * The baseline: the processor alone, sending the events the task makes of the records.
     *
     * @param emulator the emulator
     * @param events how many
     * @return events per second
     */
    static double processorAlone(EmulatorUnderLoad emulator, long events) {
        long nowSeconds = System.currentTimeMillis() / 1000;
        EventDefaults defaults = EventDefaults.standard();
        try (TikTokEvents client = TikTokEvents.builder().accessToken(emulator.accessToken()).pixelCode(PIXEL)
                .baseUrl(emulator.baseUrl()).build()) {
            return ProcessorAlone.eventsPerSecond(client, events, i -> Event.builder("Purchase", defaults)
                    .eventId(TOPIC + "-0-" + i)
                    .epochSeconds(nowSeconds - 60)
                    .user(User.builder().email(email(i)).build())
                    .page(Page.of("https://shop.example.com/"))
                    .build());
        }
    }

    /** What the JSON converter makes of {@code {"event":"Purchase","event_time":...,"user":{...},"page":{...}}}. */
    private static SinkRecord record(long offset, long nowMillis) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("event", "Purchase");
        value.put("event_time", nowMillis / 1000 - 60);
        value.put("user", Map.of("email", email(offset)));
        value.put("page", Map.of("url", "https://shop.example.com/"));
        return new SinkRecord(TOPIC, 0, null, null, null, value, offset, nowMillis - 60_000, TimestampType.CREATE_TIME);
    }

    private static String email(long i) {
        return "customer" + i + "@example.com";
    }

    /** The worker's side of the task: no seeks, no pauses, and no dead-letter queue (every record is good). */
    private static final class WorkerContext implements SinkTaskContext {
        @Override
        public Map<String, String> configs() {
            return Map.of();
        }

        @Override
        public void offset(Map<TopicPartition, Long> offsets) {
            throw new UnsupportedOperationException("the task never seeks");
        }

        @Override
        public void offset(TopicPartition tp, long offset) {
            throw new UnsupportedOperationException("the task never seeks");
        }

        @Override
        public void timeout(long timeoutMs) {
            throw new IllegalStateException("the task asked to be retried: a record was not delivered");
        }

        @Override
        public Set<TopicPartition> assignment() {
            return Set.of(PARTITION);
        }

        @Override
        public void pause(TopicPartition... partitions) {
        }

        @Override
        public void resume(TopicPartition... partitions) {
        }

        @Override
        public void requestCommit() {
        }

        @Override
        public ErrantRecordReporter errantRecordReporter() {
            return null;
        }

        @Override
        public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
            return null;
        }
    }
}
