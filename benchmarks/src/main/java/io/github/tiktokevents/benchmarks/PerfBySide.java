package io.github.tiktokevents.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits one JVM's {@code perf} profile between the two sides {@link ThroughputProbe} alternates, using the windows
 * it wrote: each sample counts for the side whose delivery was running when it was taken. Prints, per delivery, the
 * samples of each side, the leaf frames (per thread name) whose count differs most between the sides, and for each
 * given pattern the samples with a frame containing it anywhere in the stack.
 *
 * <pre>{@code
 * perf record -k CLOCK_MONOTONIC -F 1999 -g -o probe.data java -XX:+UnlockDiagnosticVMOptions \
 *     -XX:+DumpPerfMapAtExit -XX:+PreserveFramePointer -Xms2g -Xmx2g -Dprobe.windows=windows.txt \
 *     -cp benchmarks/target/benchmarks.jar io.github.tiktokevents.benchmarks.ThroughputProbe processor EVENTS_V2 50 140
 * perf script -i probe.data -F comm,time,ip,sym,dso > probe.txt
 * java -cp benchmarks/target/benchmarks.jar io.github.tiktokevents.benchmarks.PerfBySide probe.txt windows.txt 60 \
 *     DeliveryEngine.enqueue,EventTrackBody,clear_page_erms
 * }</pre>
 *
 * <p>Arguments: the {@code perf script} text, the windows, how many deliveries to skip at the start (the compiler's
 * warm-up), and optionally comma-separated patterns. Compiler threads are left out: they work for both sides.
 */
public final class PerfBySide {
    private static final Pattern SAMPLE_HEAD = Pattern.compile("^(.*?)\\s+(\\d+)\\.(\\d+):\\s*$");
    private static final Pattern FRAME = Pattern.compile("^\\s*[0-9a-f]+ (.*) \\((.*)\\)$");
    private static final String[] SIDES = {"sdk", "okhttp"};
    private static final int TOP = 40;

    private final long[] starts;
    private final long[] ends;
    private final String[] sides;
    private final int skip;
    private final List<String> patterns;
    private final Map<String, Map<String, Integer>> leaves = new HashMap<>();
    private final Map<String, Map<String, Integer>> inclusive = new HashMap<>();
    private final Map<String, Integer> total = new HashMap<>();

    private PerfBySide(List<String> windowLines, int skip, List<String> patterns) {
        int n = windowLines.size();
        starts = new long[n];
        ends = new long[n];
        sides = new String[n];
        for (int i = 0; i < n; i++) {
            String[] parts = windowLines.get(i).trim().split(" ");
            sides[i] = parts[0];
            starts[i] = Long.parseLong(parts[1]);
            ends[i] = Long.parseLong(parts[2]);
        }
        this.skip = skip;
        this.patterns = patterns;
        for (String side : SIDES) {
            leaves.put(side, new HashMap<>());
            inclusive.put(side, new HashMap<>());
        }
    }

    /**
     * Runs the split.
     *
     * @param args perf script file, windows file, deliveries to skip, optional patterns
     * @throws IOException if a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 3) {
            System.err.println("usage: PerfBySide <perf script output> <windows> <deliveries to skip> [pattern,pattern,...]");
            System.exit(2);
        }
        List<String> patterns = args.length > 3 ? Arrays.asList(args[3].split(",")) : List.of();
        PerfBySide split = new PerfBySide(Files.readAllLines(Path.of(args[1])), Integer.parseInt(args[2]), patterns);
        try (BufferedReader script = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.ISO_8859_1)) {
            split.read(script);
        }
        split.print();
    }

    private void read(BufferedReader script) throws IOException {
        String side = null;
        String thread = null;
        List<String> frames = new ArrayList<>();
        for (String line = script.readLine(); line != null; line = script.readLine()) {
            if (!line.isEmpty() && !Character.isWhitespace(line.charAt(0))) {
                count(side, thread, frames);
                frames.clear();
                Matcher head = SAMPLE_HEAD.matcher(line);
                side = null;
                if (head.matches()) {
                    thread = head.group(1).trim();
                    String fraction = (head.group(3) + "000000000").substring(0, 9);
                    side = sideAt(Long.parseLong(head.group(2)) * 1_000_000_000L + Long.parseLong(fraction));
                    if (thread.startsWith("C1 ") || thread.startsWith("C2 ")) {
                        side = null;
                    }
                }
            } else {
                Matcher frame = FRAME.matcher(line);
                if (frame.matches()) {
                    frames.add(frame.group(1));
                }
            }
        }
        count(side, thread, frames);
    }

    /** The side whose delivery was running at {@code nanos}, or null outside the deliveries counted. */
    private String sideAt(long nanos) {
        int i = Arrays.binarySearch(starts, nanos);
        i = i >= 0 ? i : -i - 2;
        return i >= skip && nanos <= ends[i] ? sides[i] : null;
    }

    private void count(String side, String thread, List<String> frames) {
        if (side == null || frames.isEmpty()) {
            return;
        }
        String threadName = thread.length() > 12 ? thread.substring(0, 12) : thread;
        String leaf = frames.get(0);
        leaves.get(side).merge(String.format(Locale.ROOT, "%-12s %s", threadName,
                leaf.length() > 110 ? leaf.substring(0, 110) : leaf), 1, Integer::sum);
        total.merge(side, 1, Integer::sum);
        for (String pattern : patterns) {
            if (frames.stream().anyMatch(f -> f.contains(pattern))) {
                inclusive.get(side).merge(pattern, 1, Integer::sum);
            }
        }
    }

    private void print() {
        Map<String, Integer> deliveries = new HashMap<>();
        for (int i = skip; i < sides.length; i++) {
            deliveries.merge(sides[i], 1, Integer::sum);
        }
        double sdkRuns = deliveries.getOrDefault("sdk", 1);
        double plainRuns = deliveries.getOrDefault("okhttp", 1);
        System.out.printf(Locale.ROOT, "deliveries: sdk %d, okhttp %d; samples per delivery: sdk %.1f, okhttp %.1f%n",
                (int) sdkRuns, (int) plainRuns, total.getOrDefault("sdk", 0) / sdkRuns,
                total.getOrDefault("okhttp", 0) / plainRuns);
        Set<String> keys = new HashSet<>(leaves.get("sdk").keySet());
        keys.addAll(leaves.get("okhttp").keySet());
        List<String> byDifference = new ArrayList<>(keys);
        byDifference.sort((a, b) -> Double.compare(difference(b, sdkRuns, plainRuns), difference(a, sdkRuns, plainRuns)));
        System.out.println("samples per delivery: sdk minus okhttp, sdk, okhttp, thread and leaf frame");
        for (String key : byDifference.subList(0, Math.min(TOP, byDifference.size()))) {
            System.out.printf(Locale.ROOT, "%7.2f %7.2f %7.2f %s%n", difference(key, sdkRuns, plainRuns),
                    leaves.get("sdk").getOrDefault(key, 0) / sdkRuns,
                    leaves.get("okhttp").getOrDefault(key, 0) / plainRuns, key);
        }
        if (!patterns.isEmpty()) {
            System.out.println("samples per delivery with the pattern anywhere in the stack: sdk, okhttp, pattern");
            for (String pattern : patterns) {
                System.out.printf(Locale.ROOT, "%7.2f %7.2f %s%n", inclusive.get("sdk").getOrDefault(pattern, 0) / sdkRuns,
                        inclusive.get("okhttp").getOrDefault(pattern, 0) / plainRuns, pattern);
            }
        }
    }

    private double difference(String key, double sdkRuns, double plainRuns) {
        return leaves.get("sdk").getOrDefault(key, 0) / sdkRuns - leaves.get("okhttp").getOrDefault(key, 0) / plainRuns;
    }
}
