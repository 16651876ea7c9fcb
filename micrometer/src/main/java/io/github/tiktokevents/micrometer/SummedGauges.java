package io.github.tiktokevents.micrometer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Gauges that read the sum of several readers. Processors may share a name (two on the default
 * {@code threadNamePrefix}), and a registry keeps one gauge per name and tags: registered one per reader, the gauge
 * would read the first processor only and vanish when that one closed, while the other still ran.
 */
final class SummedGauges {
    private final MeterRegistry meters;
    /** By name and tags; guarded by this. */
    private final Map<String, Series> series = new HashMap<>();

    SummedGauges(MeterRegistry meters) {
        this.meters = meters;
    }

    /** Adds a reader to the gauge of this name and tags, registering the gauge with its first reader. */
    synchronized void add(String name, String description, Tags tags, LongSupplier reader) {
        Series one = series.computeIfAbsent(name + tags, key -> new Series());
        if (one.gauge == null) {
            // strongly referenced: the registry would otherwise let the series go while readers remain
            one.gauge = Gauge.builder(name, one, Series::sum).description(description).tags(tags)
                    .strongReference(true).register(meters);
        }
        one.readers.add(reader);
    }

    /** Removes a reader (the same instance that was added), and the gauge with its last reader. */
    synchronized void remove(String name, Tags tags, LongSupplier reader) {
        String key = name + tags;
        Series one = series.get(key);
        if (one == null || !one.readers.remove(reader)) {
            return;
        }
        if (one.readers.isEmpty()) {
            series.remove(key);
            meters.remove(one.gauge);
        }
    }

    /** The readers of one gauge; read by the registry on any thread, hence a copy-on-write list. */
    private static final class Series {
        final List<LongSupplier> readers = new CopyOnWriteArrayList<>();
        Gauge gauge;

        double sum() {
            long total = 0;
            for (LongSupplier reader : readers) {
                total += reader.getAsLong();
            }
            return total;
        }
    }
}
