package io.github.tiktokevents.kafka.internal;

import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.header.Headers;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Sends records that will never reach TikTok to the worker's errant record reporter (the dead-letter queue when
 * {@code errors.deadletterqueue.topic.name} is set), with why as record headers, and settles each record in the
 * {@link OffsetTracker} once its write has completed.
 *
 * <p>The record is handed over as a plain {@code SinkRecord} carrying the extra headers: the worker then writes it
 * through the connector's converters, so the headers reach the topic (for a record it read itself, the worker
 * would write the original bytes and headers and drop ours).
 */
public final class DeadLetters {
    /** TikTok's return code, such as {@code 40002}. */
    public static final String CODE_HEADER = "tiktok.code";
    /** TikTok's message, cleaned by the SDK (no token, at most 200 characters). */
    public static final String MESSAGE_HEADER = "tiktok.message";
    /** TikTok's request id, to quote to TikTok support. */
    public static final String REQUEST_ID_HEADER = "tiktok.request_id";
    /** Why the record could not become an event, or why it was not sent; names fields, never values. */
    public static final String REASON_HEADER = "tiktok.reason";

    private final ErrantRecordReporter reporter;
    private final OffsetTracker tracker;
    private final List<Pending> pending = new ArrayList<>();
    /** The first failed write: once set, the task must stop, since the record is neither delivered nor kept. */
    private ConnectException failure;

    /**
     * @param reporter the worker's reporter, or null when the worker has none
     * @param tracker where records are settled
     */
    public DeadLetters(ErrantRecordReporter reporter, OffsetTracker tracker) {
        this.reporter = reporter;
        this.tracker = tracker;
    }

    /**
     * Reports a record that cannot be mapped to an event.
     *
     * @param record the record
     * @param error why, naming fields only
     */
    public void unmappable(SinkRecord record, UnmappableRecordException error) {
        Headers headers = copy(record);
        headers.addString(REASON_HEADER, "unmappable: " + error.getMessage());
        report(record, headers, new ConnectException("Unmappable record: " + error.getMessage()));
    }

    /**
     * Reports a record whose event TikTok refused for good.
     *
     * @param record the record
     * @param error TikTok's refusal
     */
    public void refused(SinkRecord record, TikTokException error) {
        Headers headers = copy(record);
        if (error instanceof TikTokApiException api) {
            headers.addString(CODE_HEADER, Long.toString(api.code()));
            headers.addString(MESSAGE_HEADER, api.apiMessage());
            if (api.requestId() != null) {
                headers.addString(REQUEST_ID_HEADER, api.requestId());
            }
        }
        headers.addString(REASON_HEADER, "refused: " + error.getMessage());
        report(record, headers, new ConnectException("TikTok refused the event: " + error.getMessage(), error));
    }

    /**
     * Settles the records whose report has been written.
     *
     * @throws ConnectException when a report failed, now or before: the record is neither delivered nor kept, so
     *     the task stops before its offset can be committed
     */
    public void settleCompleted() {
        if (failure != null) {
            throw failure;
        }
        Iterator<Pending> each = pending.iterator();
        while (each.hasNext()) {
            Pending report = each.next();
            if (!report.future.isDone()) {
                continue;
            }
            each.remove();
            try {
                report.future.get();
            } catch (ExecutionException e) {
                failure = new ConnectException("Could not write a record of " + report.partition + " at offset "
                        + report.offset + " to the dead-letter queue; the task stops so that its offset is not"
                        + " committed", e.getCause());
                throw failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ConnectException("Interrupted while checking the dead-letter queue", e);
            }
            tracker.settle(report.partition, report.offset);
        }
    }

    /**
     * Drops the reports of revoked partitions: their records are read again by the next owner.
     *
     * @param partitions the revoked partitions
     */
    public void forget(java.util.Collection<TopicPartition> partitions) {
        pending.removeIf(report -> partitions.contains(report.partition));
    }

    /** @return the number of reports not yet written */
    public int inFlight() {
        return pending.size();
    }

    private void report(SinkRecord record, Headers headers, ConnectException error) {
        if (reporter == null) {
            throw new ConnectException("This worker has no errant record reporter, so a record that cannot be "
                    + "delivered would be lost; the task stops instead. " + error.getMessage(), error);
        }
        SinkRecord annotated = new SinkRecord(record.topic(), record.kafkaPartition(), record.keySchema(),
                record.key(), record.valueSchema(), record.value(), record.kafkaOffset(), record.timestamp(),
                record.timestampType(), headers);
        TopicPartition partition = new TopicPartition(record.topic(), record.kafkaPartition());
        tracker.reporting(partition, record.kafkaOffset());
        pending.add(new Pending(partition, record.kafkaOffset(), reporter.report(annotated, error)));
    }

    private static Headers copy(SinkRecord record) {
        Headers headers = new ConnectHeaders();
        record.headers().forEach(headers::add);
        return headers;
    }

    private record Pending(TopicPartition partition, long offset, Future<Void> future) {
    }
}
