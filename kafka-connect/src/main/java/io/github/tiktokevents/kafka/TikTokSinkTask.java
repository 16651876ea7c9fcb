package io.github.tiktokevents.kafka;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.PermissionDeniedException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.kafka.internal.DeadLetters;
import io.github.tiktokevents.kafka.internal.EventDelivery;
import io.github.tiktokevents.kafka.internal.OffsetTracker;
import io.github.tiktokevents.kafka.internal.RecordMapper;
import io.github.tiktokevents.kafka.internal.TaskMetrics;
import io.github.tiktokevents.kafka.internal.UnmappableRecordException;
import io.github.tiktokevents.metrics.TikTokMetrics;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/**
 * Delivers the records of its partitions to TikTok. Each {@link #put} maps the records to events, sends them with
 * the SDK's retries and settles every record: accepted by TikTok, or written to the dead-letter queue (unmappable,
 * or refused by TikTok for good, with TikTok's code, message and request id as headers). {@link #preCommit} commits
 * only the settled run of each partition.
 *
 * <ul>
 *   <li>Still failing after the SDK's retries (rate limit, 5xx, no answer): {@code put} throws a
 *       {@link RetriableException}; the worker pauses the partitions and gives the same records again after
 *       {@code tiktok.retry.backoff.ms}. Records already settled are not sent again.</li>
 *   <li>A wrong token, no permission to the event source, a misconfigured client: the task fails with a message
 *       that says what to fix and never contains the token.</li>
 * </ul>
 */
public class TikTokSinkTask extends SinkTask {
    private TikTokSinkConfig config;
    private TikTokEvents client;
    private RecordMapper mapper;
    private EventDelivery delivery;
    private OffsetTracker tracker;
    private DeadLetters deadLetters;
    private TaskMetrics metrics;

    /** Created by the Connect worker. */
    public TikTokSinkTask() {
    }

    /** @return this connector's version */
    @Override
    public String version() {
        return Version.get();
    }

    /**
     * Builds the task's SDK client and mapping from its settings.
     *
     * @param props the task's settings (the connector's)
     */
    @Override
    public void start(Map<String, String> props) {
        config = new TikTokSinkConfig(props);
        mapper = new RecordMapper(config.mappingRules());
        metrics = TaskMetrics.on(pluginMetrics());
        client = config.clientBuilder().metrics(metrics).build();
        delivery = new EventDelivery(client, config.batchSize());
        tracker = new OffsetTracker();
        deadLetters = new DeadLetters(context.errantRecordReporter(), tracker);
    }

    /**
     * Maps, sends and settles the records.
     *
     * @param records the records, in offset order within each partition
     * @throws RetriableException when some events could not be delivered yet: the worker gives them again later
     * @throws ConnectException when delivery cannot go on (a wrong token, no permission, no dead-letter queue for
     *     a record that cannot be delivered)
     */
    @Override
    public void put(Collection<SinkRecord> records) {
        deadLetters.settleCompleted();
        List<EventDelivery.Mapped> batch = new ArrayList<>(records.size());
        for (SinkRecord record : records) {
            if (!tracker.needsDelivery(partitionOf(record), record.kafkaOffset())) {
                continue;
            }
            try {
                batch.add(new EventDelivery.Mapped(record, mapper.map(record)));
            } catch (UnmappableRecordException e) {
                metrics.recordUnmappable();
                deadLetters.unmappable(record, e);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        EventDelivery.Outcome outcome = delivery.deliver(batch);
        outcome.delivered().forEach(record -> tracker.settle(partitionOf(record), record.kafkaOffset()));
        metrics.recordsDelivered(outcome.delivered().size());
        for (EventDelivery.Refused refused : outcome.refused()) {
            metrics.recordRefused(TikTokMetrics.errorType(refused.error()));
            deadLetters.refused(refused.record(), refused.error());
        }
        if (outcome.fatal() != null) {
            throw new ConnectException(fatalMessage(outcome.fatal()), outcome.fatal());
        }
        if (!outcome.retryable().isEmpty()) {
            metrics.recordsRetriedLater(outcome.retryable().size());
            context.timeout(config.retryBackoff().toMillis());
            throw new RetriableException(outcome.retryable().size() + " of " + batch.size()
                    + " events are not delivered yet and will be sent again: "
                    + outcome.lastRetryableError().getMessage());
        }
    }

    /**
     * Offers to commit, per partition, one past the last record of its settled run; never a record that is not
     * settled.
     *
     * @param currentOffsets what the worker has given this task so far
     * @return the offsets safe to commit
     */
    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        deadLetters.settleCompleted();
        Map<TopicPartition, OffsetAndMetadata> safe = new HashMap<>();
        for (TopicPartition partition : currentOffsets.keySet()) {
            tracker.committable(partition).ifPresent(offset -> safe.put(partition, new OffsetAndMetadata(offset)));
        }
        return safe;
    }

    /**
     * Starts each newly assigned partition afresh.
     *
     * @param partitions the partitions assigned
     */
    @Override
    public void open(Collection<TopicPartition> partitions) {
        tracker.forget(partitions);
    }

    /**
     * Abandons the unsettled records of revoked partitions (their offsets were not committed; the next owner reads
     * them again, and TikTok deduplicates what was already sent).
     *
     * @param partitions the partitions revoked
     */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        deadLetters.forget(partitions);
        tracker.forget(partitions);
    }

    /** Releases the SDK client. */
    @Override
    public void stop() {
        if (client != null) {
            client.close();
        }
    }

    /** The worker's plugin metrics (Kafka 4.1 and later); none on an older worker or a context without them. */
    private PluginMetrics pluginMetrics() {
        try {
            return context.pluginMetrics();
        } catch (LinkageError | UnsupportedOperationException olderWorker) {
            return null;
        }
    }

    private static TopicPartition partitionOf(SinkRecord record) {
        return new TopicPartition(record.topic(), record.kafkaPartition());
    }

    private String fatalMessage(TikTokException error) {
        String request = error instanceof TikTokApiException api
                ? " (code " + api.code() + ", request_id " + api.requestId() + ")" : "";
        if (error instanceof AuthenticationException) {
            return "TikTok refused the access token" + request + ": set " + TikTokSinkConfig.ACCESS_TOKEN
                    + " to a valid token for event source " + config.eventSourceId();
        }
        if (error instanceof PermissionDeniedException) {
            return "The access token may not send to event source " + config.eventSourceId() + request + ": check "
                    + TikTokSinkConfig.EVENT_SOURCE_ID + " and the token's permissions";
        }
        return "Delivery to TikTok cannot go on: " + error.getMessage();
    }
}
