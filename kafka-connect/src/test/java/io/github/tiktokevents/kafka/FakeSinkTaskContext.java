package io.github.tiktokevents.kafka;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;

/**
 * The worker's side of a task, for unit tests of the task's logic: remembers the timeout asked for and the records
 * reported. The integration tests run the task in a real Connect cluster instead.
 */
final class FakeSinkTaskContext implements SinkTaskContext {
    final List<Report> reports = new ArrayList<>();
    long timeoutMs = -1;
    boolean completeReportsAtOnce = true;
    boolean hasReporter = true;

    record Report(SinkRecord record, Throwable error, CompletableFuture<Void> future) {
        String header(String key) {
            var header = record.headers().lastWithName(key);
            return header == null ? null : String.valueOf(header.value());
        }
    }

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
        this.timeoutMs = timeoutMs;
    }

    @Override
    public Set<TopicPartition> assignment() {
        return Set.of();
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
        if (!hasReporter) {
            return null;
        }
        return this::report;
    }

    @Override
    public PluginMetrics pluginMetrics() {
        return null;
    }

    private Future<Void> report(SinkRecord record, Throwable error) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        if (completeReportsAtOnce) {
            future.complete(null);
        }
        reports.add(new Report(record, error, future));
        return future;
    }
}
