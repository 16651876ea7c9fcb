package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.cli.TikTokEventsCli;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Issue 14's figure: the command line ({@code tiktok-events upload}) run as users run it, its own JVM started with the
 * shipped entry point and a fixed heap, uploading a CSV file of {@value #ROWS} offline purchases (every row good) to
 * the emulator; beside it, the SDK's processor alone sending the same kind of event built in a loop, to the same
 * emulator, in the same run, in its own JVM with the same heap (the child side is this class's {@link #main}).
 *
 * <p>Rows per second is the command's own summary figure, counted from the moment its connection is open to the end
 * (JVM start excluded). The heap figures come from the child's GC log ({@code -Xlog:gc}): the peak, the most the heap
 * held before any collection (garbage included: the collector's sizing decides it as much as the tool); and the
 * largest heap in use after a collection of the old generation too (G1's remark, mixed and full collections), an upper
 * bound of what the upload keeps (its window of rows in flight, the reader, the SDK's queue). After a young collection
 * alone the heap still holds the old generation's garbage, which grows until G1 starts a marking cycle, so those
 * figures say little about what the tool keeps.
 */
public final class CliUploadFigure {
    /** The file issue 14 asks for. */
    static final long ROWS = 1_000_000;
    /** The child's fixed heap: the upload must fit in it. */
    static final String MAX_HEAP = "256m";
    static final String SOURCE_ID = "7300000000000000001";
    private static final Pattern SUMMARY = Pattern.compile("([\\d,]+) rows read, ([\\d,]+) accepted, ([\\d,]+) refused,"
            + " in \\S+ \\(([\\d,]+) rows/s\\)");
    private static final Pattern GC = Pattern.compile("(\\d+)([KMG])->(\\d+)([KMG])\\((\\d+)([KMG])\\)");
    /** G1's collections that reclaim old-generation regions too. */
    private static final Pattern OLD_GENERATION = Pattern.compile("Pause (Remark|Full)|\\(Mixed\\)");

    private CliUploadFigure() {
    }

    /** What one upload showed; the heap figures as the class comment says. */
    record Result(double rowsPerSecond, long keptBytes, long peakBytes, int collections) {
    }

    /**
     * Writes the file, runs the command line in a child JVM against the emulator and reads its figures.
     *
     * @param emulator the emulator
     * @param dir a scratch directory
     * @param rows how many rows
     * @return the figures
     * @throws Exception if the upload fails or does not say what it did
     */
    static Result upload(EmulatorUnderLoad emulator, Path dir, long rows) throws Exception {
        Path csv = writeRows(dir.resolve("orders.csv"), rows, System.currentTimeMillis() / 1000);
        Path gcLog = dir.resolve("cli-gc.log");
        long acceptedBefore = emulator.accepted();
        String output = runChild(emulator, List.of("-Xmx" + MAX_HEAP, "-Xlog:gc:file=" + gcLog,
                "-cp", Path.of(TikTokEventsCli.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                TikTokEventsCli.class.getName(), "upload", csv.toString(),
                "--base-url", emulator.baseUrl(), "--event-source-id", SOURCE_ID, "--progress", "none",
                "--rejects", dir.resolve("orders.rejects.csv").toString(),
                "--checkpoint", dir.resolve("orders.checkpoint").toString()));
        Matcher summary = SUMMARY.matcher(output);
        if (!summary.find()) {
            throw new IllegalStateException("the upload did not say what it did: " + output);
        }
        long accepted = number(summary.group(2));
        if (number(summary.group(1)) != rows || accepted != rows || emulator.accepted() - acceptedBefore != rows) {
            throw new IllegalStateException("not every row arrived once: " + output);
        }
        long peakAfterOld = -1;
        long peakAfterAny = 0;
        long peakBefore = 0;
        int collections = 0;
        for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
            Matcher gc = GC.matcher(line);
            if (gc.find()) {
                collections++;
                long after = bytes(gc.group(3), gc.group(4));
                peakBefore = Math.max(peakBefore, bytes(gc.group(1), gc.group(2)));
                peakAfterAny = Math.max(peakAfterAny, after);
                if (OLD_GENERATION.matcher(line).find()) {
                    peakAfterOld = Math.max(peakAfterOld, after);
                }
            }
        }
        // a run too short for a marking cycle has little old garbage: then every collection's figure stands
        return new Result(number(summary.group(4)), peakAfterOld >= 0 ? peakAfterOld : peakAfterAny, peakBefore,
                collections);
    }

    /**
     * The baseline: the processor alone, sending offline purchases like the file's rows, in a child JVM with the same
     * heap as the command line's, so that neither side shares a JVM (and its collections) with the emulator.
     *
     * @param emulator the emulator
     * @param events how many
     * @return events per second
     * @throws Exception if the child fails or not every event arrived
     */
    static double processorAlone(EmulatorUnderLoad emulator, long events) throws Exception {
        long acceptedBefore = emulator.accepted();
        long warmUp = Math.min(events, IntegrationFigures.WARM_UP);
        String output = runChild(emulator, List.of("-Xmx" + MAX_HEAP, "-cp", jar(),
                CliUploadFigure.class.getName(), emulator.baseUrl(), Long.toString(events), Long.toString(warmUp)));
        if (emulator.accepted() - acceptedBefore != events + warmUp) {
            throw new IllegalStateException("not every event arrived once: " + output);
        }
        return Double.parseDouble(output.strip().lines().reduce((first, last) -> last).orElseThrow());
    }

    /**
     * The child side of {@link #processorAlone}: prints the processor's events per second.
     *
     * @param args the emulator's base URL, how many events to measure and how many to send first, unmeasured (so that
     *             the baseline is the SDK's steady state); the token in {@code TIKTOK_ACCESS_TOKEN}
     */
    public static void main(String[] args) {
        long events = Long.parseLong(args[1]);
        long warmUp = Long.parseLong(args[2]);
        long now = System.currentTimeMillis() / 1000;
        EventDefaults defaults = EventDefaults.standard();
        LongFunction<Event> purchase = i -> Event.builder("CompletePayment", defaults)
                .source(EventSource.OFFLINE)
                .eventId(orderId(i))
                .epochSeconds(time(now, i))
                .user(User.builder().email(email(i)).phone(phone(i)).build())
                .properties(Properties.builder().value(value(i)).currency("USD").orderId(orderId(i)).build())
                .build();
        try (TikTokEvents client = TikTokEvents.builder().accessToken(System.getenv("TIKTOK_ACCESS_TOKEN"))
                .offlineEventSetId(SOURCE_ID).baseUrl(args[0]).build()) {
            ProcessorAlone.eventsPerSecond(client, warmUp, i -> purchase.apply(events + i)); // ids apart from the measured
            System.out.println(ProcessorAlone.eventsPerSecond(client, events, purchase));
        }
    }

    private static String jar() throws Exception {
        return Path.of(CliUploadFigure.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    /** Runs a child JVM with the emulator's token in its environment; its output, or an error if it failed. */
    private static String runChild(EmulatorUnderLoad emulator, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("TIKTOK_ACCESS_TOKEN", emulator.accessToken());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        if (exit != 0) {
            throw new IllegalStateException(command.get(command.size() - 1) + " exited with " + exit + ": " + output);
        }
        return output;
    }

    static Path writeRows(Path file, long rows, long now) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("order_id,event,event_time,email,phone,value,currency\n");
            for (long i = 0; i < rows; i++) {
                out.write(String.join(",", orderId(i), "CompletePayment", Long.toString(time(now, i)), email(i),
                        phone(i), String.format(Locale.ROOT, "%.2f", value(i)), "USD"));
                out.write('\n');
            }
        }
        return file;
    }

    private static String orderId(long i) {
        return "ORD-" + i;
    }

    /** Within the last day: offline events may be up to 28 days old, and none is in the future. */
    private static long time(long now, long i) {
        return now - 3600 - i % 80_000;
    }

    private static String email(long i) {
        return "customer" + i + "@example.com";
    }

    private static String phone(long i) {
        return String.format(Locale.ROOT, "+1415%07d", i % 10_000_000);
    }

    private static double value(long i) {
        return i % 500 + (i % 100) / 100.0;
    }

    private static long number(String text) {
        return Long.parseLong(text.replace(",", ""));
    }

    private static long bytes(String amount, String unit) {
        long value = Long.parseLong(amount);
        return switch (unit) {
            case "K" -> value << 10;
            case "M" -> value << 20;
            default -> value << 30;
        };
    }
}
