package io.github.tiktokevents.benchmarks;

import java.util.Locale;
import java.util.Properties;

/**
 * The report's section on the integrations (issues 13 and 14), from {@link IntegrationFigures}' properties: each
 * integration's rate beside the SDK's processor alone, measured in the same run against the same emulator.
 */
final class IntegrationSection {
    private IntegrationSection() {
    }

    static String text(Properties figures) {
        double cliRows = number(figures, "cli.rowsPerSecond");
        double cliProcessor = number(figures, "cli.processorEventsPerSecond");
        double sinkRecords = number(figures, "sink.recordsPerSecond");
        double sinkProcessor = number(figures, "sink.processorEventsPerSecond");
        StringBuilder md = new StringBuilder("## Integrations against the emulator\n\n");
        md.append("| # | what | integration | processor alone | ratio |\n|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT,
                "| 7 | Command line: `tiktok-events upload` of a %,d-row CSV file (offline purchases), its own JVM with"
                        + " `-Xmx%s`; peak heap, and the most in use after an old-generation collection, from its GC"
                        + " log | %,.0f rows/s; peak heap %.1f MB, kept at most %.1f MB, %s collections | %,.0f events/s"
                        + " | %.2fx |%n",
                (long) number(figures, "cli.rows"), figures.getProperty("cli.maxHeap"), cliRows,
                megabytes(figures, "cli.heapPeak"), megabytes(figures, "cli.heapKept"),
                figures.getProperty("cli.collections"), cliProcessor, cliRows / cliProcessor));
        md.append(String.format(Locale.ROOT,
                "| 8 | Kafka Connect: %,d records through one `TikTokSinkTask`, `put` in batches of %s, then"
                        + " `preCommit` | %,.0f records/s | %,.0f events/s | %.2fx |%n",
                (long) number(figures, "sink.records"), figures.getProperty("sink.recordsPerPut"), sinkRecords,
                sinkProcessor, sinkRecords / sinkProcessor));
        md.append(String.format(Locale.ROOT, DESCRIPTION, (long) number(figures, "processor.events")));
        return md.toString();
    }

    private static final String DESCRIPTION = """

            Measured by `IntegrationFigures` after the JMH benchmarks, against one instance of the project's emulator
            (`emulator/`, which validates every request against the spec, so it, not the client, sets the pace on this
            machine; its recording is cleared twice a second so that it does not hold a million events). The processor
            alone is the baseline of both: %,d events, built in a loop as the integrations build theirs (validation,
            normalisation, hashing), enqueued into a processor with batches of 1,000 and its other defaults, then
            `flush()`. For row 7 they are offline purchases like the file's rows, sent from a child JVM with the same
            heap as the command line's, after an unmeasured first 10,000 (in the emulator's JVM the processor shared
            its collections and was slower than the command line); for row 8 they are the web events the sink makes of its records, sent from the
            emulator's JVM, where the task runs too. Every row, record and event must be accepted exactly once, or
            the run fails. The emulator sets `sun.net.httpserver.nodelay` on its own JDK server, whose answers
            leave in two writes; the clients keep their own settings, and both sides of each row meet the same server.

            7. The command line runs as users run it: a child JVM started with the shipped entry point
               (`TikTokEventsCli`), a fixed heap, `--progress none`, the access token in `TIKTOK_ACCESS_TOKEN`. Its rate
               is the one its summary prints, counted from the moment its connection is open (JVM start excluded). The
               peak heap is the most the heap held before a collection, garbage included, which the collector's sizing
               decides as much as the tool. The heap after a collection that reclaimed old-generation regions too (G1's
               remark, mixed or full) bounds what the upload keeps (its window of rows in flight, the reader, the SDK's
               queue); after young collections alone the old generation's garbage is still counted, and it grows until
               G1 starts a marking cycle.
            8. The sink task is driven as a Connect worker drives it, without a cluster: `initialize`, `start` with the
               connector's settings (access token, event source id, base URL; the rest default), `open` of one
               partition, `put` of schemaless map records (what the JSON converter hands a sink) in batches of
               Kafka's default `max.poll.records`, and at the end `preCommit`, which must offer every offset. That is
               all of the task's own work (mapping, delivery with the SDK's retries, offset tracking); the worker's
               consumer, converter and commits to a broker are Kafka's cost, the same for every sink, and an embedded
               cluster on this 2-core machine would take the CPU the task and the emulator need. The task sends each
               `put` with `sendBatch`, one request at a time, where the processor keeps 4 in flight.

            """;

    private static double number(Properties figures, String key) {
        String value = figures.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("no " + key + " in the integration figures");
        }
        return Double.parseDouble(value);
    }

    private static double megabytes(Properties figures, String key) {
        return number(figures, key) / (1024 * 1024);
    }
}
