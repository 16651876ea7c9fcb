package io.github.tiktokevents.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.RecordedRequest;
import io.github.tiktokevents.emulator.TikTokCodes;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.kafka.internal.DeadLetters;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import javax.management.MBeanAttributeInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorOffset;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.apache.kafka.connect.util.clusters.WorkerHandle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector in a real Connect cluster: two distributed workers and a KRaft broker started in this JVM by
 * Kafka's own test utilities ({@code EmbeddedConnectCluster}), sending to the project's TikTok emulator. Nothing
 * of Kafka is mocked. The record count is {@code -Dkafka-connect.records} (default 50,000).
 */
class TikTokSinkClusterTest {
    private static final int RECORDS = Integer.getInteger("kafka-connect.records", 50_000);
    private static final int PARTITIONS = 8;
    private static final int TASKS = 4;
    private static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(4);
    private static final String PIXEL = "CE3VQJJC77U1234ABCD0";

    private static TikTokEmulator tiktok;
    private static EmbeddedConnectCluster connect;

    @BeforeAll
    static void startClusterAndEmulator() {
        // stricter about the future than the SDK (1 hour), so an event 30 minutes ahead leaves the SDK and TikTok refuses it
        tiktok = TikTokEmulator.builder().allowedEventSourceIds(PIXEL).futureTolerance(Duration.ofMinutes(5)).build().start();
        Map<String, String> workerProps = new HashMap<>();
        workerProps.put("offset.flush.interval.ms", "500");
        workerProps.put("consumer.max.poll.records", "1000");
        connect = new EmbeddedConnectCluster.Builder()
                .name("tiktok-connect")
                .numWorkers(2)
                .numBrokers(1)
                .workerProps(workerProps)
                .build();
        connect.start();
    }

    @AfterAll
    static void stopClusterAndEmulator() {
        if (connect != null) {
            connect.stop();
        }
        if (tiktok != null) {
            tiktok.close();
        }
    }

    @Test
    void everyEventArrivesOnceAfterDedupAndEachInvalidRecordLandsInTheDeadLetterTopicWithTikToksCode()
            throws Exception {
        tiktok.reset();
        String topic = "conversions";
        String dlq = "conversions-dlq";
        connect.kafka().createTopic(topic, PARTITIONS);
        Set<String> invalid = produce(topic, 0, RECORDS);
        Set<String> valid = ids(0, RECORDS);
        valid.removeAll(invalid);
        long started = System.nanoTime();

        connect.configureConnector("tiktok", connectorConfig(topic, dlq));
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("tiktok", TASKS, "tasks did not start");

        await("every valid event accepted", () -> acceptedIds().containsAll(valid));
        ConsumerRecords<byte[], byte[]> dead = connect.kafka().consume(invalid.size(),
                DELIVERY_TIMEOUT.toMillis(), dlq);
        long written = written(topic);
        await("every offset committed", () -> committed("tiktok") == written);
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        List<RecordedEvent> accepted = tiktok.events();
        Set<String> acceptedIds = accepted.stream().map(RecordedEvent::eventId).collect(Collectors.toSet());
        assertThat(acceptedIds).isEqualTo(valid);                      // each event id exactly once after dedup
        assertThat(accepted.size()).isGreaterThanOrEqualTo(valid.size());   // at least once
        Set<String> deadIds = new HashSet<>();
        for (ConsumerRecord<byte[], byte[]> record : dead) {
            assertThat(header(record, DeadLetters.CODE_HEADER)).isEqualTo("40002");
            assertThat(header(record, DeadLetters.MESSAGE_HEADER)).contains("event_time");
            assertThat(header(record, DeadLetters.REQUEST_ID_HEADER)).isNotBlank();
            deadIds.add(idIn(record));
        }
        assertThat(deadIds).isEqualTo(invalid);
        // the tasks' metrics, read as an operator reads them: from the workers' JMX, through the SDK's metrics hook
        assertThat(taskMetric("tiktok", "records-delivered-total", null)).isGreaterThanOrEqualTo(valid.size());
        assertThat(taskMetric("tiktok", "records-refused-total", "40002")).isGreaterThanOrEqualTo(invalid.size());
        assertThat(taskMetric("tiktok", "http-requests-total", null)).isPositive();
        assertThat(taskMetric("tiktok", "http-request-errors-total", "40002")).isPositive();
        System.out.printf("kafka-connect: %,d records (%d invalid) through 2 workers / %d tasks in %,d ms:"
                        + " %,d accepted events in %,d requests%n", RECORDS, invalid.size(), TASKS, elapsedMs,
                accepted.size(), tiktok.requestCount());
        deleteConnector("tiktok");
    }

    @Test
    void aWorkerStoppedAndAnotherStartedMidStreamUnderRateLimits5xxAndDroppedConnectionsLosesNothing()
            throws Exception {
        tiktok.reset();
        tiktok.faults().randomly(13L, 0.3, Fault.rateLimited(), Fault.httpError(503, null), Fault.dropConnection());
        String topic = "conversions-chaos";
        String dlq = "conversions-chaos-dlq";
        int records = Math.max(3_000, RECORDS / 5);
        connect.kafka().createTopic(topic, PARTITIONS);
        produceValid(topic, 0, records / 3);

        Map<String, String> config = connectorConfig(topic, dlq);
        config.put(TikTokSinkConfig.BATCH_SIZE, "250");   // more requests, so more of them meet a fault
        connect.configureConnector("tiktok-chaos", config);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("tiktok-chaos", TASKS, "tasks did not start");
        await("some events accepted", () -> !acceptedIds().isEmpty());

        // the rest of the stream is written while one worker leaves and another joins
        CompletableFuture<Void> stream = CompletableFuture.runAsync(() -> {
            for (int from = records / 3; from < records; from += 500) {
                try {
                    produceValid(topic, from, Math.min(records, from + 500));
                } catch (Exception e) {
                    throw new CompletionException(e);
                }
            }
        });
        int acceptedBeforeTheStop = acceptedIds().size();
        WorkerHandle leaving = connect.workers().iterator().next();
        connect.removeWorker(leaving);
        connect.addWorker();
        stream.get(2, TimeUnit.MINUTES);
        connect.assertions().assertConnectorAndExactlyNumTasksAreRunning("tiktok-chaos", TASKS, "tasks did not move");

        await("every event accepted", () -> acceptedIds().containsAll(ids(0, records)));
        long written = written(topic);
        await("every offset committed", () -> committed("tiktok-chaos") == written);
        assertThat(acceptedBeforeTheStop).isLessThan(records / 3 + 1);   // the worker left mid-stream
        List<RecordedRequest> requests = tiktok.requests();
        assertThat(requests).anyMatch(request -> request.code().orElse(0) == TikTokCodes.RATE_LIMITED);
        assertThat(requests).anyMatch(request -> request.httpStatus() == 503);
        assertThat(requests).anyMatch(request -> request.httpStatus() == 0);   // dropped connections
        assertThat(connect.kafka().consumeAll(10_000, dlq)).isEmpty();          // nothing was given up
        System.out.printf("kafka-connect chaos: %,d records, %,d requests of which %,d faulted, %,d events accepted%n",
                records, requests.size(), requests.stream().filter(r -> !r.accepted()).count(),
                tiktok.events().size());
        deleteConnector("tiktok-chaos");
    }

    private static Map<String, String> connectorConfig(String topic, String dlq) {
        Map<String, String> config = new HashMap<>();
        config.put("connector.class", TikTokSinkConnector.class.getName());
        config.put("tasks.max", Integer.toString(TASKS));
        config.put("topics", topic);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", "false");
        config.put("errors.tolerance", "all");
        config.put("errors.deadletterqueue.topic.name", dlq);
        config.put("errors.deadletterqueue.topic.replication.factor", "1");
        config.put("errors.deadletterqueue.context.headers.enable", "true");
        config.put(TikTokSinkConfig.ACCESS_TOKEN, tiktok.accessToken());
        config.put(TikTokSinkConfig.EVENT_SOURCE_ID, PIXEL);
        config.put(TikTokSinkConfig.BASE_URL, tiktok.baseUrl());
        config.put(TikTokSinkConfig.RETRY_INITIAL_DELAY_MS, "20");
        config.put(TikTokSinkConfig.RETRY_MAX_DELAY_MS, "200");
        config.put(TikTokSinkConfig.RETRY_BACKOFF_MS, "200");
        return config;
    }

    /** Produces records {@code from} to {@code to - 1}; one in 1,000 has a time TikTok refuses. Returns their ids. */
    private static Set<String> produce(String topic, int from, int to) throws Exception {
        Set<String> invalid = new HashSet<>();
        for (int i = from; i < to; i++) {
            if (i % 1000 == 500) {
                invalid.add(id(i));
            }
        }
        send(topic, from, to, i -> invalid.contains(id(i))
                ? Instant.now().plus(Duration.ofMinutes(30)) : Instant.now().minusSeconds(60));
        return invalid;
    }

    private static void produceValid(String topic, int from, int to) throws Exception {
        send(topic, from, to, i -> Instant.now().minusSeconds(60));
    }

    /** Sends and checks that every record was written: a lost send would look like a lost event. */
    private static void send(String topic, int from, int to, IntFunction<Instant> time) throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        // not idempotent: right after a topic is created, an idempotent producer's retries can be refused as out
        // of sequence; a plain retry may write a record twice, which the committed-offset check allows for
        try (KafkaProducer<byte[], byte[]> producer = connect.kafka().createProducer(Map.of(
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, ProducerConfig.ACKS_CONFIG, "all"))) {
            for (int i = from; i < to; i++) {
                sent.add(producer.send(new ProducerRecord<>(topic, bytes("k" + i), bytes(json(i, time.apply(i))))));
            }
        }
        for (Future<RecordMetadata> each : sent) {
            each.get(1, TimeUnit.MINUTES);
        }
    }

    private static String json(int i, Instant time) {
        return "{\"event\":\"Purchase\",\"event_time\":" + time.getEpochSecond() + ",\"event_id\":\"" + id(i) + "\","
                + "\"user\":{\"email\":\"customer" + i + "@example.com\",\"ip\":\"13.57.97.131\"},"
                + "\"properties\":{\"currency\":\"EUR\",\"value\":" + (i % 100) + ".5,"
                + "\"contents\":[{\"content_id\":\"sku-" + (i % 37) + "\",\"quantity\":1}]},"
                + "\"page\":{\"url\":\"https://shop.example.com/checkout\"}}";
    }

    private static String id(int i) {
        return "evt-" + i;
    }

    private static Set<String> ids(int from, int to) {
        Set<String> ids = new HashSet<>();
        for (int i = from; i < to; i++) {
            ids.add(id(i));
        }
        return ids;
    }

    private static Set<String> acceptedIds() {
        return tiktok.events().stream().map(RecordedEvent::eventId).collect(Collectors.toSet());
    }

    /** The sum of the end offsets of a topic's partitions: the records written to it. */
    private static long written(String topic) throws Exception {
        long sum = 0;
        for (int partition = 0; partition < PARTITIONS; partition++) {
            sum += connect.kafka().endOffset(new TopicPartition(topic, partition));
        }
        return sum;
    }

    /** The sum of the committed offsets of the connector's partitions: the records settled in order. */
    private static long committed(String connector) {
        long sum = 0;
        for (ConnectorOffset offset : connect.connectorOffsets(connector).offsets()) {
            sum += ((Number) offset.offset().get("kafka_offset")).longValue();
        }
        return sum;
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String idIn(ConsumerRecord<byte[], byte[]> record) {
        String value = new String(record.value(), StandardCharsets.UTF_8);
        int start = value.indexOf("\"event_id\":\"") + "\"event_id\":\"".length();
        return value.substring(start, value.indexOf('"', start));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Deletes a connector once the cluster can: right after a worker left, requests may reach its old address. */
    /**
     * The sum over the connector's tasks of one plugin metric in the platform MBean server, where the embedded workers'
     * JMX reporters put them; only the metrics tagged with {@code errorType} when it is given.
     */
    private static double taskMetric(String connector, String metric, String errorType) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        double sum = 0;
        for (ObjectName name : server.queryNames(new ObjectName("kafka.connect:type=plugins,*"), null)) {
            if (!connector.equals(name.getKeyProperty("connector"))
                    || (errorType != null && !errorType.equals(name.getKeyProperty("error-type")))) {
                continue;
            }
            for (MBeanAttributeInfo attribute : server.getMBeanInfo(name).getAttributes()) {
                if (attribute.getName().equals(metric)) {
                    sum += ((Number) server.getAttribute(name, metric)).doubleValue();
                }
            }
        }
        return sum;
    }

    private static void deleteConnector(String name) throws InterruptedException {
        await("connector " + name + " deleted", () -> {
            connect.deleteConnector(name);
            return true;
        });
    }

    /**
     * Polls a condition until it holds. A REST call that fails meanwhile (the cluster is rebalancing after a worker
     * left) counts as not yet; the last such failure is the cause of the timeout.
     */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + DELIVERY_TIMEOUT.toNanos();
        RuntimeException lastFailure = null;
        while (true) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (RuntimeException e) {
                lastFailure = e;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + DELIVERY_TIMEOUT + " waiting for: " + what
                        + " (accepted ids: " + acceptedIds().size() + ", requests: " + tiktok.requestCount()
                        + ")", lastFailure);
            }
            Thread.sleep(250);
        }
    }
}
