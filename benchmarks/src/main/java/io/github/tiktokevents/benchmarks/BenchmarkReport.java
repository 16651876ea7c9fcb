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
 * Turns one run's JMH results (JSON) and the retained-memory figures into {@code BENCHMARKS.md}: each SDK figure
 * beside its baseline from the same run, the ratio, the target and whether it holds.
 *
 * <p>Usage: {@code BenchmarkReport <jmh-results.json> <retained.properties> <BENCHMARKS.md> <command>}
 */
public final class BenchmarkReport {
    private final Map<String, JsonObject> results = new HashMap<>();
    private final Properties retained = new Properties();
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
        if (args.length != 4) {
            System.err.println("usage: BenchmarkReport <jmh-results.json> <retained.properties> <out.md> <command>");
            System.exit(2);
        }
        BenchmarkReport report = new BenchmarkReport();
        report.read(Path.of(args[0]), Path.of(args[1]));
        String text = report.render(args[3]);
        Files.writeString(Path.of(args[2]), text, StandardCharsets.UTF_8);
        System.out.print(text);
    }

    private void read(Path jmhJson, Path retainedProperties) throws IOException {
        try (Reader reader = Files.newBufferedReader(jmhJson, StandardCharsets.UTF_8)) {
            JsonArray array = JsonParser.parseReader(reader).getAsJsonArray();
            for (JsonElement element : array) {
                JsonObject result = element.getAsJsonObject();
                String name = result.get("benchmark").getAsString();
                results.put(name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1), result);
            }
        }
        try (Reader reader = Files.newBufferedReader(retainedProperties, StandardCharsets.UTF_8)) {
            retained.load(reader);
        }
    }

    private String render(String command) {
        JsonObject any = results.values().iterator().next();
        md.append("# Benchmarks\n\n");
        md.append("Each SDK figure is compared with a baseline measured in the same run on the same machine, because these ")
                .append("machines are shared and noisy: the ratios are what matter, not the absolute numbers.\n\n");
        md.append("- Date: ").append(LocalDate.now()).append('\n');
        md.append("- Machine: ").append(Machine.describe()).append('\n');
        md.append("- JDK: ").append(any.get("jdkVersion").getAsString()).append(", ")
                .append(any.get("vmName").getAsString()).append(' ').append(any.get("vmVersion").getAsString()).append('\n');
        md.append("- JMH: ").append(any.get("jmhVersion").getAsString()).append(", one fork per benchmark\n");
        md.append("- Reproduce: `").append(command).append("`\n\n");

        md.append("| # | what | SDK | baseline | ratio | target | holds |\n|---|---|---|---|---|---|---|\n");
        ratioRow("1", "Event preparation, Events API 2.0 (build, hash, write the `/event/track/` body), avg",
                "PreparationBenchmark.sdkPrepare", "PreparationBenchmark.baseline", "ns", 1.3, false);
        ratioRow("1", "Event preparation, Events API 1.0 (build, hash, write the `/pixel/track/` body), avg",
                "PreparationBenchmark.sdkPreparePixel", "PreparationBenchmark.baselinePixel", "ns", 1.3, false);
        throughputRow();
        allocationRow("Events API 2.0", "PreparationBenchmark.sdkPrepare", "PreparationBenchmark.baseline");
        allocationRow("Events API 1.0", "PreparationBenchmark.sdkPreparePixel", "PreparationBenchmark.baselinePixel");
        retainedRow();
        percentileRow("4", "Enqueue on the caller's thread, median", "50.0");
        percentileRow("4", "Enqueue on the caller's thread, p99", "99.0");
        ratioRow("5", "Single blocking send to loopback, avg",
                "SendLatencyBenchmark.sdkSend", "SendLatencyBenchmark.rawEventApi", "µs", 1.1, false);
        md.append('\n').append(held).append(" of ").append(targets).append(" targets hold in this run.\n\n");
        md.append(Baselines.text(AllocationBreakdown.measure()));
        return md.toString();
    }

    private void ratioRow(String number, String what, String sdkName, String baselineName, String unit,
                          double maxRatio, boolean higherIsBetter) {
        double sdk = score(sdkName);
        double baseline = score(baselineName);
        double ratio = sdk / baseline;
        row(number, what, format(sdk, unit, sdkName), format(baseline, unit, baselineName),
                ratio, "≤ " + maxRatio + "x", ratio <= maxRatio);
    }

    private void throughputRow() {
        double sdkMs = score("ThroughputBenchmark.sdkProcessor");
        double rawMs = score("ThroughputBenchmark.rawOkHttp");
        double events = ThroughputBenchmark.EVENTS;
        double ratio = rawMs / sdkMs; // throughput ratio: SDK events/s over raw events/s
        row("2", "Throughput, 100,000 events to loopback (processor vs raw OkHttp, 4 in flight)",
                String.format(Locale.ROOT, "%,.0f events/s (%.0f ms ± %.0f)", events / sdkMs * 1000, sdkMs,
                        error("ThroughputBenchmark.sdkProcessor")),
                String.format(Locale.ROOT, "%,.0f events/s (%.0f ms ± %.0f)", events / rawMs * 1000, rawMs,
                        error("ThroughputBenchmark.rawOkHttp")),
                ratio, "≥ 0.8x", ratio >= 0.8);
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
