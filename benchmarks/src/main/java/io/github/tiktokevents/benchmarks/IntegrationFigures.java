package io.github.tiktokevents.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Issues 13 and 14: the command line and the Kafka Connect sink task against the emulator, each beside the SDK's
 * processor alone sending the same kind of events to the same emulator in the same run. Not JMH: each figure is one
 * long delivery (a million rows, {@value #SINK_RECORDS} records) whose rate is the result, and the command line must
 * run in its own JVM, as users run it, for its heap to be its own. Prints Java properties for {@link BenchmarkReport}.
 *
 * <p>Usage: {@code IntegrationFigures [rows] [sink records] [processor events]} (defaults: the report's counts).
 */
public final class IntegrationFigures {
    /** Records through the sink task. */
    static final long SINK_RECORDS = 100_000;
    /** Events or records per side before measuring. */
    static final long WARM_UP = 10_000;
    /** Events through each processor-alone baseline. */
    static final long PROCESSOR_EVENTS = 100_000;

    private IntegrationFigures() {
    }

    /**
     * Measures and prints the figures.
     *
     * @param args optional counts: CLI rows, sink records, processor events
     * @throws Exception if a delivery fails
     */
    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : CliUploadFigure.ROWS;
        long records = args.length > 1 ? Long.parseLong(args[1]) : SINK_RECORDS;
        long events = args.length > 2 ? Long.parseLong(args[2]) : PROCESSOR_EVENTS;
        Path dir = Files.createTempDirectory("tiktok-events-integrations");
        try (EmulatorUnderLoad emulator = new EmulatorUnderLoad()) {
            // a first small round of each, so that the emulator's and the SDK's code is compiled before measuring
            CliUploadFigure.processorAlone(emulator, Math.min(events, WARM_UP));
            SinkTaskFigure.recordsPerSecond(emulator, Math.min(records, WARM_UP));
            SinkTaskFigure.processorAlone(emulator, Math.min(events, WARM_UP));

            double cliProcessor = CliUploadFigure.processorAlone(emulator, events);
            CliUploadFigure.Result cli = CliUploadFigure.upload(emulator, dir, rows);
            double sinkProcessor = SinkTaskFigure.processorAlone(emulator, events);
            double sink = SinkTaskFigure.recordsPerSecond(emulator, records);

            print("cli.rows", rows);
            print("cli.maxHeap", CliUploadFigure.MAX_HEAP);
            print("cli.rowsPerSecond", cli.rowsPerSecond());
            print("cli.heapKept", cli.keptBytes());
            print("cli.heapPeak", cli.peakBytes());
            print("cli.collections", cli.collections());
            print("cli.processorEventsPerSecond", cliProcessor);
            print("sink.records", records);
            print("sink.recordsPerPut", SinkTaskFigure.RECORDS_PER_PUT);
            print("sink.recordsPerSecond", sink);
            print("sink.processorEventsPerSecond", sinkProcessor);
            print("processor.events", events);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    private static void print(String key, Object value) {
        System.out.println(key + "=" + (value instanceof Double d ? String.format(Locale.ROOT, "%.1f", d) : value));
    }
}
