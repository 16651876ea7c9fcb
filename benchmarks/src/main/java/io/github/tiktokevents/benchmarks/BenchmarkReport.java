package io.github.tiktokevents.benchmarks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * Turns one run's JMH results (JSON), the retained-memory figures and the integrations' figures into
 * {@code BENCHMARKS.md}: each SDK figure beside its baseline from the same run, the ratio, the target and whether it
 * holds.
 *
 * <p>Usage: {@code BenchmarkReport <jmh-results.json> <retained.properties> <integrations.properties> <BENCHMARKS.md>
 * <command> [<seconds>]}
 */
public final class BenchmarkReport {
    private final Map<String, JsonObject> results = new HashMap<>();
    private final Properties retained = new Properties();
    private final Properties integrations = new Properties();
    private final StringBuilder md = new StringBuilder();
    private int targets;
    private int held;

    private BenchmarkReport() {
    }

    /**
     * Writes the report.
     *
     * @param args the JMH JSON, the retained-memory properties, the output file, and the command that reproduces it
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 5 && args.length != 6) {
            System.err.println("usage: BenchmarkReport <jmh-results.json> <retained.properties> <integrations.properties>"
                    + " <out.md> <command> [<seconds the run took>]");
            System.exit(2);
        }
        BenchmarkReport report = new BenchmarkReport();
        report.read(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
        String text = report.render(args[4], args.length == 6 ? Long.parseLong(args[5]) : -1);
        Files.writeString(Path.of(args[3]), text, StandardCharsets.UTF_8);
        System.out.print(text);
    }

    private void read(Path jmhJson, Path retainedProperties, Path integrationProperties) throws IOException {
        try (Reader reader = Files.newBufferedReader(jmhJson, StandardCharsets.UTF_8)) {
            JsonArray array = JsonParser.parseReader(reader).getAsJsonArray();
            for (JsonElement element : array) {
                JsonObject result = element.getAsJsonObject();
                String name = result.get("benchmark").getAsString();
                results.put(key(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1),
                        result.getAsJsonObject("params")), result);
            }
        }
        try (Reader reader = Files.newBufferedReader(retainedProperties, StandardCharsets.UTF_8)) {
            retained.load(reader);
        }
        try (Reader reader = Files.newBufferedReader(integrationProperties, StandardCharsets.UTF_8)) {
            integrations.load(reader);
        }
    }

    /** {@code Class.method}, or {@code Class.method[edition,bodySize]} for a result with parameters. */
    private static String key(String name, JsonObject params) {
        if (params == null) {
            return name;
        }
        if (params.has("outbox")) {
            return name + "[" + params.get("outbox").getAsString() + "]";
        }
        return name + "[" + params.get("edition").getAsString() + "," + params.get("bodySize").getAsString() + "]";
    }

    private String render(String command, long seconds) {
        JsonObject any = results.values().iterator().next();
        md.append("# Benchmarks\n\n");
        md.append("Each SDK figure is compared with a baseline measured in the same run on the same machine, because these ")
                .append("machines are shared and noisy: the ratios are what matter, not the absolute numbers.\n\n");
        md.append("- Date: ").append(LocalDate.now()).append('\n');
        md.append("- Machine: ").append(Machine.describe()).append('\n');
        md.append("- JDK: ").append(any.get("jdkVersion").getAsString()).append(", ")
                .append(any.get("vmName").getAsString()).append(' ').append(any.get("vmVersion").getAsString()).append('\n');
        md.append("- JMH: ").append(any.get("jmhVersion").getAsString()).append(", ").append(forks()).append('\n');
        md.append("- Reproduce: `").append(command).append('`');
        if (seconds >= 0) {
            md.append(String.format(Locale.ROOT, " (this run: %d min %02d s, build included)", seconds / 60, seconds % 60));
        }
        md.append("\n\n");

        md.append("| # | what | SDK | baseline | ratio | target | holds |\n|---|---|---|---|---|---|---|\n");
        ratioRow("1", "Event preparation, Events API 2.0 (build, hash, write the `/event/track/` body), avg",
                "PreparationBenchmark.sdkPrepare", "PreparationBenchmark.baseline", "ns", 1.3, false);
        ratioRow("1", "Event preparation, Events API 1.0 (build, hash, write the `/pixel/track/` body), avg",
                "PreparationBenchmark.sdkPreparePixel", "PreparationBenchmark.baselinePixel", "ns", 1.3, false);
        for (String path : Throughput.PATHS) {
            for (String edition : Throughput.EDITIONS) {
                for (String bodySize : Throughput.BODY_SIZES) {
                    throughputRow(new Throughput(path, edition, bodySize));
                }
            }
        }
        allocationRow("Events API 2.0", "PreparationBenchmark.sdkPrepare", "PreparationBenchmark.baseline");
        allocationRow("Events API 1.0", "PreparationBenchmark.sdkPreparePixel", "PreparationBenchmark.baselinePixel");
        retainedRow();
        percentileRow("4", "Enqueue on the caller's thread, median", "50.0");
        percentileRow("4", "Enqueue on the caller's thread, p99", "99.0");
        ratioRow("5", "Single blocking send to loopback, avg",
                "SendLatencyBenchmark.sdkSend", "SendLatencyBenchmark.rawEventApi", "µs", 1.1, false);
        nagleRow();
        outboxRows();
        jdbcOutboxRows();
        md.append('\n').append(held).append(" of ").append(targets).append(" targets hold in this run.\n\n");
        md.append(IntegrationSection.text(integrations));
        md.append(Baselines.text(AllocationBreakdown.measure(), wireTable()));
        return md.toString();
    }

    /** One throughput comparison: a send path, an edition and a body size. */
    private static final class Throughput {
        static final String[] PATHS = {"sendBatch", "sendBatchAsync", "processor"};
        static final String[] EDITIONS = {"EVENTS_V2", "PIXEL_V1"};
        static final String[] BODY_SIZES = {"50", "1000"};

        final String path;
        final String edition;
        final String bodySize;

        Throughput(String path, String edition, String bodySize) {
            this.path = path;
            this.edition = edition;
            this.bodySize = bodySize;
        }

        String key() {
            return "ThroughputBenchmark." + path + "[" + edition + "," + bodySize + "]";
        }

        String describe() {
            String how = switch (path) {
                case "sendBatch" -> "`sendBatch`, one request at a time";
                case "sendBatchAsync" -> "`sendBatchAsync`, " + ThroughputBenchmark.ASYNC_IN_FLIGHT + " in flight";
                default -> "processor, " + ThroughputBenchmark.PROCESSOR_IN_FLIGHT + " in flight";
            };
            return String.format(Locale.ROOT, "Throughput, %s, Events API %s, bodies of %,d", how,
                    edition.equals("EVENTS_V2") ? "2.0" : "1.0", Integer.parseInt(bodySize));
        }
    }

    private void throughputRow(Throughput comparison) {
        Sample sdk = aux(comparison.key(), "sdkMs");
        Sample okhttp = aux(comparison.key(), "okhttpMs");
        double ratio = okhttp.mean / sdk.mean; // events per second, SDK over baseline
        row("2", comparison.describe(), eventsPerSecond(sdk), eventsPerSecond(okhttp) + " (plain OkHttp)",
                ratio, "≥ 0.9x", ratio >= 0.9);
    }

    private static String eventsPerSecond(Sample millis) {
        return String.format(Locale.ROOT, "%,.0f events/s (%.1f ± %.1f ms)",
                ThroughputBenchmark.EVENTS / millis.mean * 1000, millis.mean, millis.error);
    }

    /** The raw-socket figures beside both others, for the section that explains the baseline. */
    private String wireTable() {
        StringBuilder table = new StringBuilder(
                "| path, edition, body | SDK | plain OkHttp | raw socket | OkHttp / socket | SDK / socket |\n"
                        + "|---|---|---|---|---|---|\n");
        for (String path : Throughput.PATHS) {
            for (String edition : Throughput.EDITIONS) {
                for (String bodySize : Throughput.BODY_SIZES) {
                    Throughput comparison = new Throughput(path, edition, bodySize);
                    double sdk = aux(comparison.key(), "sdkMs").mean;
                    double okhttp = aux(comparison.key(), "okhttpMs").mean;
                    double socket = aux(comparison.key(), "socketMs").mean;
                    table.append(String.format(Locale.ROOT, "| %s, %s, %s | %,.0f /s | %,.0f /s | %,.0f /s | %.2fx | %.2fx |%n",
                            path, edition.equals("EVENTS_V2") ? "2.0" : "1.0", bodySize,
                            ThroughputBenchmark.EVENTS / sdk * 1000, ThroughputBenchmark.EVENTS / okhttp * 1000,
                            ThroughputBenchmark.EVENTS / socket * 1000, socket / okhttp, socket / sdk));
                }
            }
        }
        return table.toString();
    }

    private void nagleRow() {
        Sample sdk = aux("NagleStallBenchmark.oneAtATime", "sdkOnPlainClientMs");
        Sample nagle = aux("NagleStallBenchmark.oneAtATime", "nagleOnMs");
        double requests = NagleStallBenchmark.REQUESTS;
        md.append(String.format(Locale.ROOT,
                "| 6 | Nagle check: %d Events API 1.0 requests of 50, one at a time, through a plain `new OkHttpClient()`"
                        + " (Nagle on) and through the SDK given such a client; per request | %.2f ms | %.2f ms (plain"
                        + " OkHttp, Nagle on) | %.2fx | reported | – |%n",
                NagleStallBenchmark.REQUESTS, sdk.mean / requests, nagle.mean / requests, sdk.mean / nagle.mean));
    }

    /**
     * Durable delivery (benchmark 7), reported beside the in-memory processor of the same run: the enqueue's median
     * and p99, and end-to-end events per second, for each outbox and durability. Skipped when the run had none.
     */
    private void outboxRows() {
        if (!results.containsKey("OutboxBenchmark.enqueue[memory]")) {
            return;
        }
        double memoryMedian = percentile("OutboxBenchmark.enqueue[memory]", "50.0");
        double memoryP99 = percentile("OutboxBenchmark.enqueue[memory]", "99.0");
        double memoryRate = OutboxBenchmark.EVENTS / score("OutboxBenchmark.endToEnd[memory]") * 1000;
        for (String outbox : OutboxBenchmark.DURABLE) {
            String what = OutboxBenchmark.describe(outbox);
            double median = percentile("OutboxBenchmark.enqueue[" + outbox + "]", "50.0");
            double p99 = percentile("OutboxBenchmark.enqueue[" + outbox + "]", "99.0");
            md.append(String.format(Locale.ROOT, "| 7 | Enqueue into a durable processor, %s, median / p99 | %,.0f / %,.0f ns"
                            + " | %,.0f / %,.0f ns (in-memory processor) | %.1fx / %.1fx | reported | – |%n", what, median,
                    p99, memoryMedian, memoryP99, median / memoryMedian, p99 / memoryP99));
            double rate = OutboxBenchmark.EVENTS / score("OutboxBenchmark.endToEnd[" + outbox + "]") * 1000;
            md.append(String.format(Locale.ROOT, "| 7 | End to end, %,d events enqueued then flushed, %s | %,.0f events/s"
                            + " | %,.0f events/s (in-memory processor) | %.2fx | reported | – |%n", OutboxBenchmark.EVENTS,
                    what, rate, memoryRate, rate / memoryRate));
        }
    }

    /**
     * The JDBC outbox (benchmark 7, {@link JdbcOutboxBenchmark}) beside the in-memory processor of the same run and
     * fork: enqueue and a caller's transactional add, median and p99, and end-to-end events per second. Skipped when
     * the run had none.
     */
    private void jdbcOutboxRows() {
        if (!results.containsKey("JdbcOutboxBenchmark.memoryEnqueue")) {
            return;
        }
        String what = "JDBC outbox (H2 file database)";
        double memoryMedian = percentile("JdbcOutboxBenchmark.memoryEnqueue", "50.0");
        double memoryP99 = percentile("JdbcOutboxBenchmark.memoryEnqueue", "99.0");
        for (String[] row : new String[][] {
                {"jdbcEnqueue", "Enqueue into a durable processor"},
                {"jdbcAddInTransaction", "Add in the caller's transaction (connection, add, commit)"}}) {
            double median = percentile("JdbcOutboxBenchmark." + row[0], "50.0");
            double p99 = percentile("JdbcOutboxBenchmark." + row[0], "99.0");
            md.append(String.format(Locale.ROOT, "| 7 | %s, %s, median / p99 | %,.0f / %,.0f ns"
                            + " | %,.0f / %,.0f ns (in-memory processor) | %.1fx / %.1fx | reported | – |%n", row[1], what,
                    median, p99, memoryMedian, memoryP99, median / memoryMedian, p99 / memoryP99));
        }
        double memoryRate = JdbcOutboxBenchmark.EVENTS / score("JdbcOutboxBenchmark.memoryEndToEnd") * 1000;
        double rate = JdbcOutboxBenchmark.EVENTS / score("JdbcOutboxBenchmark.jdbcEndToEnd") * 1000;
        md.append(String.format(Locale.ROOT, "| 7 | End to end, %,d events added in transactions of %d and relayed, %s"
                        + " | %,.0f events/s | %,.0f events/s (in-memory processor) | %.2fx | reported | – |%n",
                JdbcOutboxBenchmark.EVENTS, JdbcOutboxBenchmark.PER_TRANSACTION, what, rate, memoryRate,
                rate / memoryRate));
    }

    /** The mean of an auxiliary counter's values (one per invocation) and the half-width of its 99.9% interval. */
    private static final class Sample {
        final double mean;
        final double error;

        Sample(double mean, double error) {
            this.mean = mean;
            this.error = error;
        }
    }

    private Sample aux(String name, String counter) {
        JsonObject result = results.get(name);
        if (result == null) {
            throw new IllegalStateException("no result for " + name + "; have " + results.keySet());
        }
        JsonArray forks = result.getAsJsonObject("secondaryMetrics").getAsJsonObject(counter).getAsJsonArray("rawData");
        org.apache.commons.math3.stat.descriptive.SummaryStatistics stats =
                new org.apache.commons.math3.stat.descriptive.SummaryStatistics();
        for (JsonElement fork : forks) {
            for (JsonElement value : fork.getAsJsonArray()) {
                stats.addValue(value.getAsDouble());
            }
        }
        double error = stats.getN() < 2 ? 0 : new org.apache.commons.math3.distribution.TDistribution(stats.getN() - 1)
                .inverseCumulativeProbability(1 - 0.001 / 2) * stats.getStandardDeviation() / Math.sqrt(stats.getN());
        return new Sample(stats.getMean(), error);
    }

    /** How many forks each benchmark had, e.g. "1 fork per benchmark (2 for ThroughputBenchmark)". */
    private String forks() {
        Map<String, Integer> byClass = new java.util.TreeMap<>();
        results.forEach((name, result) -> byClass.put(name.substring(0, name.indexOf('.')), result.get("forks").getAsInt()));
        int usual = byClass.values().stream().min(Integer::compare).orElse(1);
        StringBuilder text = new StringBuilder().append(usual).append(usual == 1 ? " fork" : " forks").append(" per benchmark");
        StringBuilder others = new StringBuilder();
        byClass.forEach((type, forks) -> {
            if (forks != usual) {
                others.append(others.length() == 0 ? "" : ", ").append(forks).append(" for ").append(type);
            }
        });
        return others.length() == 0 ? text.toString() : text.append(" (").append(others).append(')').toString();
    }

    private void ratioRow(String number, String what, String sdkName, String baselineName, String unit,
                          double maxRatio, boolean higherIsBetter) {
        double sdk = score(sdkName);
        double baseline = score(baselineName);
        double ratio = sdk / baseline;
        row(number, what, format(sdk, unit, sdkName), format(baseline, unit, baselineName),
                ratio, "≤ " + maxRatio + "x", ratio <= maxRatio);
    }

    private void allocationRow(String edition, String sdkName, String baselineName) {
        double sdk = secondary(sdkName, "gc.alloc.rate.norm");
        double baseline = secondary(baselineName, "gc.alloc.rate.norm");
        row("3", "Bytes allocated per prepared event, " + edition + " (JMH gc profiler)",
                String.format(Locale.ROOT, "%,.0f B", sdk), String.format(Locale.ROOT, "%,.0f B", baseline),
                sdk / baseline, "≤ 2,048 B", sdk <= 2048);
    }

    private void retainedRow() {
        double event = Double.parseDouble(retained.getProperty("retained.event"));
        double json = Double.parseDouble(retained.getProperty("retained.eventJson"));
        double processor = Double.parseDouble(retained.getProperty("retained.processorQueue"));
        double bare = Double.parseDouble(retained.getProperty("retained.bareQueue"));
        md.append(String.format(Locale.ROOT,
                "| 3 | Bytes retained per queued event, Events API 2.0 (event + its JSON, made by the enqueue, + queue overhead; %s events) | %,.0f + %,.0f + %,.0f B | %,.0f + %,.0f + %,.0f B (ArrayBlockingQueue) | %.2fx | reported | – |%n",
                retained.getProperty("retained.events"), event, json, processor, event, json, bare,
                (event + json + processor) / (event + json + bare)));
    }

    private void percentileRow(String number, String what, String percentile) {
        double sdk = percentile("EnqueueBenchmark.sdkEnqueue", percentile);
        double bare = percentile("EnqueueBenchmark.bareOffer", percentile);
        row(number, what, String.format(Locale.ROOT, "%,.0f ns", sdk), String.format(Locale.ROOT, "%,.0f ns", bare)
                + " (ArrayBlockingQueue.offer)", sdk / bare, "≤ 3x", sdk <= 3 * bare);
    }

    private void row(String number, String what, String sdk, String baseline, double ratio, String target,
                     boolean holds) {
        targets++;
        if (holds) {
            held++;
        }
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2fx | %s | %s |%n", number, what, sdk, baseline,
                ratio, target, holds ? "yes" : "**no**"));
    }

    private String format(double value, String unit, String name) {
        return String.format(Locale.ROOT, "%,.1f ± %,.1f %s", value, error(name), unit);
    }

    private JsonObject primary(String name) {
        JsonObject result = results.get(name);
        if (result == null) {
            throw new IllegalStateException("no result for " + name + "; have " + results.keySet());
        }
        return result.getAsJsonObject("primaryMetric");
    }

    private double score(String name) {
        return primary(name).get("score").getAsDouble();
    }

    private double error(String name) {
        JsonElement error = primary(name).get("scoreError");
        return error == null || error.isJsonNull() || Double.isNaN(error.getAsDouble()) ? 0 : error.getAsDouble();
    }

    private double percentile(String name, String percentile) {
        return primary(name).getAsJsonObject("scorePercentiles").get(percentile).getAsDouble();
    }

    private double secondary(String name, String metric) {
        return results.get(name).getAsJsonObject("secondaryMetrics").getAsJsonObject(metric).get("score").getAsDouble();
    }
}
