package io.github.tiktokevents.micrometer;

import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.metrics.RequestObserver;
import io.github.tiktokevents.metrics.TikTokMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Records the SDK's metrics hook in a Micrometer {@link MeterRegistry}, and starts one {@link Observation} per HTTP
 * attempt in an {@link ObservationRegistry}, so a tracing bridge (Micrometer Tracing with OpenTelemetry or Brave)
 * makes a span of each. Thread-safe; one per client.
 *
 * <pre>{@code
 * TikTokEvents tiktok = TikTokEvents.builder()
 *         .accessToken(token).pixelCode(pixel)
 *         .metrics(new MicrometerTikTokMetrics(meterRegistry, observationRegistry))
 *         .build();
 * }</pre>
 *
 * <table>
 *   <caption>Meters (all names lower-case and dotted; {@code error.type} as listed in {@link TikTokMetrics})</caption>
 *   <tr><th>name</th><th>type</th><th>tags</th><th>counts</th></tr>
 *   <tr><td>{@code tiktok.events.enqueued}</td><td>counter</td><td>source</td><td>events a processor queued</td></tr>
 *   <tr><td>{@code tiktok.events.rejected}</td><td>counter</td><td>source, error.type</td><td>events {@code enqueue} refused</td></tr>
 *   <tr><td>{@code tiktok.events.delivered}</td><td>counter</td><td>source</td><td>a processor's events TikTok accepted</td></tr>
 *   <tr><td>{@code tiktok.events.failed}</td><td>counter</td><td>source, error.type</td><td>a processor's events that will not be delivered</td></tr>
 *   <tr><td>{@code tiktok.events.requests}</td><td>timer</td><td>source, endpoint, outcome, error.type</td><td>HTTP attempts, every path</td></tr>
 *   <tr><td>{@code tiktok.events.requests.retried}</td><td>counter</td><td>source, error.type</td><td>requests sent again</td></tr>
 *   <tr><td>{@code tiktok.events.queue.depth}</td><td>gauge</td><td>processor, source</td><td>events waiting in a processor's queue</td></tr>
 *   <tr><td>{@code tiktok.events.outbox.pending}</td><td>gauge</td><td>processor</td><td>a durable processor's stored
 *       events not yet claimed for a request: its backlog, read from the outbox at each scrape</td></tr>
 * </table>
 *
 * <p>Processors that share a name (two on the default {@code threadNamePrefix}) are one series: each gauge reads
 * the sum of their readers, and stays until the last of them closes.
 *
 * <p>The observation is named {@value #OBSERVATION}, with low-cardinality keys {@code source}, {@code endpoint},
 * {@code outcome} and {@code error.type}, and the failure as its error. TikTok's code on an HTTP 200 error is the
 * error type ({@code "40002"}), so a dashboard or an alert tells a refused event from an outage. An observation
 * registry with a meter handler (Spring Boot's) also times it, under its own name.
 */
public final class MicrometerTikTokMetrics implements TikTokMetrics {
    /** The name of the observation of one HTTP attempt. */
    public static final String OBSERVATION = "tiktok.events.http.attempt";

    private static final String NONE = "none";
    private static final String QUEUE_DEPTH = "tiktok.events.queue.depth";
    private static final String OUTBOX_PENDING = "tiktok.events.outbox.pending";

    private final MeterRegistry meters;
    private final ObservationRegistry observations;
    /** Counters by name and tags: looked up per event, so kept rather than asked of the registry each time. */
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final SummedGauges gauges;

    /**
     * Records meters only; no observations.
     *
     * @param meters where the meters go
     */
    public MicrometerTikTokMetrics(MeterRegistry meters) {
        this(meters, ObservationRegistry.NOOP);
    }

    /**
     * Records meters, and an observation of each HTTP attempt.
     *
     * @param meters where the meters go
     * @param observations where the observations go; {@link ObservationRegistry#NOOP} for none
     */
    public MicrometerTikTokMetrics(MeterRegistry meters, ObservationRegistry observations) {
        this.meters = Objects.requireNonNull(meters, "meters");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.gauges = new SummedGauges(meters);
    }

    @Override
    public void eventsEnqueued(EventSource source, int count) {
        counter("tiktok.events.enqueued", "events a processor accepted into its queue", source, null).increment(count);
    }

    @Override
    public void eventsRejected(EventSource source, String errorType, int count) {
        counter("tiktok.events.rejected", "events a processor's enqueue refused", source, errorType).increment(count);
    }

    @Override
    public void eventsDelivered(EventSource source, int count) {
        counter("tiktok.events.delivered", "events of a processor that TikTok accepted", source, null).increment(count);
    }

    @Override
    public void eventsFailed(EventSource source, String errorType, int count) {
        counter("tiktok.events.failed", "events of a processor that will not be delivered", source, errorType)
                .increment(count);
    }

    @Override
    public void requestRetried(EventSource source, String errorType) {
        counter("tiktok.events.requests.retried", "requests sent again after a retryable failure", source, errorType)
                .increment();
    }

    @Override
    public RequestObserver requestStarted(EventSource source, String endpoint, int events) {
        Timer.Sample sample = Timer.start(meters);
        Observation observation = Observation.createNotStarted(OBSERVATION, observations)
                .contextualName("tiktok events POST " + endpoint)
                .lowCardinalityKeyValue("source", source.wireValue())
                .lowCardinalityKeyValue("endpoint", endpoint)
                .highCardinalityKeyValue("events", Integer.toString(events))
                .start();
        return (errorType, error) -> finish(sample, observation, source, endpoint, errorType, error);
    }

    private void finish(Timer.Sample sample, Observation observation, EventSource source, String endpoint,
                        String errorType, TikTokException error) {
        String outcome = errorType == null ? "success" : "failure";
        String type = errorType == null ? NONE : errorType;
        sample.stop(Timer.builder("tiktok.events.requests")
                .description("HTTP attempts to TikTok's Events API, on every send path")
                .tags("source", source.wireValue(), "endpoint", endpoint, "outcome", outcome, "error.type", type)
                .register(meters));
        observation.lowCardinalityKeyValue("outcome", outcome).lowCardinalityKeyValue("error.type", type);
        if (error != null) {
            observation.error(error);
        }
        observation.stop();
    }

    @Override
    public void queueOpened(String processor, EventSource source, LongSupplier depth) {
        gauges.add(QUEUE_DEPTH, "events waiting in a processor's queue",
                Tags.of("processor", processor, "source", source.wireValue()), depth);
    }

    @Override
    public void queueClosed(String processor, EventSource source, LongSupplier depth) {
        gauges.remove(QUEUE_DEPTH, Tags.of("processor", processor, "source", source.wireValue()), depth);
    }

    @Override
    public void outboxOpened(String processor, LongSupplier pending) {
        gauges.add(OUTBOX_PENDING, "a durable processor's stored events not yet claimed for a request, read from"
                + " its outbox", Tags.of("processor", processor), pending);
    }

    @Override
    public void outboxClosed(String processor, LongSupplier pending) {
        gauges.remove(OUTBOX_PENDING, Tags.of("processor", processor), pending);
    }

    private Counter counter(String name, String description, EventSource source, String errorType) {
        String key = name + '\u0000' + source.wireValue() + '\u0000' + errorType;
        Counter counter = counters.get(key);
        if (counter == null) {
            Tags tags = errorType == null ? Tags.of("source", source.wireValue())
                    : Tags.of("source", source.wireValue(), "error.type", errorType);
            counter = Counter.builder(name).description(description).tags(tags).register(meters);
            counters.put(key, counter); // two threads may both register it; the registry returns the same counter
        }
        return counter;
    }

    @Override
    public String toString() {
        return "MicrometerTikTokMetrics{" + meters.getClass().getSimpleName() + '}';
    }
}
