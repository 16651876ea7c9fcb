package io.github.tiktokevents.kafka.internal;

import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.metrics.RequestObserver;
import io.github.tiktokevents.metrics.TikTokMetrics;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.metrics.Sensor;
import org.apache.kafka.common.metrics.stats.Avg;
import org.apache.kafka.common.metrics.stats.CumulativeCount;
import org.apache.kafka.common.metrics.stats.CumulativeSum;
import org.apache.kafka.common.metrics.stats.Max;
import org.apache.kafka.common.metrics.stats.Rate;

/**
 * The task's metrics, registered with the Connect worker's own metrics (KIP-877 plugin metrics, so they appear in
 * JMX and in any reporter the worker runs, tagged with the connector and the task): the SDK's metrics hook gives the
 * HTTP attempts, their time and TikTok's error codes, and the retries; the task adds what became of its records.
 * On a worker without plugin metrics (before Kafka 4.1) nothing is recorded.
 *
 * <table>
 *   <caption>Metrics (Kafka's lower-case dashed names; {@code error-type} as in the SDK's TikTokMetrics)</caption>
 *   <tr><td>{@code records-delivered-total}, {@code records-delivered-rate}</td><td>records whose events TikTok accepted</td></tr>
 *   <tr><td>{@code records-refused-total} by {@code error-type}</td><td>records TikTok refused for good, sent to the dead-letter queue</td></tr>
 *   <tr><td>{@code records-unmappable-total}</td><td>records that could not be mapped to an event, sent to the dead-letter queue</td></tr>
 *   <tr><td>{@code records-retried-later-total}</td><td>records handed back to the worker to be given again</td></tr>
 *   <tr><td>{@code http-requests-total}, {@code http-request-time-avg}, {@code http-request-time-max} (ms)</td><td>HTTP attempts</td></tr>
 *   <tr><td>{@code http-request-errors-total} by {@code error-type}</td><td>failed HTTP attempts, TikTok's code on an HTTP 200 error</td></tr>
 *   <tr><td>{@code http-request-retries-total} by {@code error-type}</td><td>requests the SDK sent again</td></tr>
 * </table>
 */
public final class TaskMetrics implements TikTokMetrics {
    private final PluginMetrics metrics;
    private final Sensor delivered;
    private final Sensor unmappable;
    private final Sensor retriedLater;
    private final Sensor requests;
    private final Map<String, Sensor> byErrorType = new ConcurrentHashMap<>();

    private TaskMetrics(PluginMetrics metrics) {
        this.metrics = metrics;
        if (metrics == null) {
            delivered = unmappable = retriedLater = requests = null;
            return;
        }
        this.delivered = sensor("records-delivered");
        delivered.add(name("records-delivered-total", "records whose events TikTok accepted", null), new CumulativeSum());
        delivered.add(name("records-delivered-rate", "records per second whose events TikTok accepted", null), new Rate());
        this.unmappable = sensor("records-unmappable");
        unmappable.add(name("records-unmappable-total", "records that could not be mapped to an event", null),
                new CumulativeSum());
        this.retriedLater = sensor("records-retried-later");
        retriedLater.add(name("records-retried-later-total", "records handed back to the worker to be given again",
                null), new CumulativeSum());
        this.requests = sensor("http-requests");
        requests.add(name("http-requests-total", "HTTP attempts to TikTok", null), new CumulativeCount());
        requests.add(name("http-request-time-avg", "average time of an HTTP attempt, ms", null), new Avg());
        requests.add(name("http-request-time-max", "longest HTTP attempt, ms", null), new Max());
    }

    /**
     * The task's metrics on the worker's plugin metrics.
     *
     * @param metrics the task context's plugin metrics, or null when the worker has none
     * @return the metrics; they record nothing when {@code metrics} is null
     */
    public static TaskMetrics on(PluginMetrics metrics) {
        return new TaskMetrics(metrics);
    }

    /**
     * Records delivered.
     *
     * @param count how many
     */
    public void recordsDelivered(int count) {
        if (metrics != null) {
            delivered.record(count);
        }
    }

    /**
     * A record TikTok refused for good.
     *
     * @param errorType TikTok's code as text, or the SDK's error type
     */
    public void recordRefused(String errorType) {
        if (metrics != null) {
            errorSensor("records-refused", "records TikTok refused for good", errorType).record(1);
        }
    }

    /** A record that could not be mapped. */
    public void recordUnmappable() {
        if (metrics != null) {
            unmappable.record(1);
        }
    }

    /**
     * Records handed back to the worker.
     *
     * @param count how many
     */
    public void recordsRetriedLater(int count) {
        if (metrics != null) {
            retriedLater.record(count);
        }
    }

    @Override
    public void requestRetried(EventSource source, String errorType) {
        if (metrics == null) {
            return;
        }
        errorSensor("http-request-retries", "requests the SDK sent again", errorType).record(1);
    }

    @Override
    public RequestObserver requestStarted(EventSource source, String endpoint, int events) {
        if (metrics == null) {
            return RequestObserver.NONE;
        }
        long started = System.nanoTime();
        return (errorType, error) -> {
            requests.record(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - started) / 1000.0);
            if (errorType != null) {
                errorSensor("http-request-errors", "failed HTTP attempts to TikTok", errorType).record(1);
            }
        };
    }

    /** One sensor per metric and error type: a Kafka metric's tags are fixed when it is made. */
    private Sensor errorSensor(String metric, String description, String errorType) {
        return byErrorType.computeIfAbsent(metric + ':' + errorType, key -> {
            Sensor sensor = sensor(key);
            sensor.add(name(metric + "-total", description, errorType), new CumulativeSum());
            return sensor;
        });
    }

    private Sensor sensor(String name) {
        return metrics.addSensor(name);
    }

    private org.apache.kafka.common.MetricName name(String name, String description, String errorType) {
        LinkedHashMap<String, String> tags = new LinkedHashMap<>();
        if (errorType != null) {
            tags.put("error-type", errorType);
        }
        return metrics.metricName(name, description, tags);
    }
}
