package io.github.tiktokevents.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows progress on standard error while an upload runs: a bar (me.tongfei:progressbar) measured in input bytes, so
 * its ETA is real, with the row counters beside it; or a plain line every interval when the output is a log. One
 * daemon thread samples the counters; the upload itself never waits for the display.
 */
final class ProgressDisplay implements AutoCloseable {
    private static final long BAR_REFRESH_MILLIS = 500;
    private static final int MIB = 1 << 20;

    private final ScheduledExecutorService sampler;
    private final ProgressBar bar;
    private final Supplier<ProgressSnapshot> counters;

    private ProgressDisplay(ScheduledExecutorService sampler, ProgressBar bar, Supplier<ProgressSnapshot> counters) {
        this.sampler = sampler;
        this.bar = bar;
        this.counters = counters;
    }

    /**
     * Starts showing progress.
     *
     * @param mode the mode; {@link ProgressMode#AUTO} picks the bar on a terminal
     * @param terminal whether standard error is a terminal
     * @param err standard error
     * @param interval the plain lines' interval
     * @param counters the current counters
     */
    static ProgressDisplay start(ProgressMode mode, boolean terminal, PrintStream err, Duration interval,
                                 Supplier<ProgressSnapshot> counters) {
        ProgressMode chosen = mode == ProgressMode.AUTO ? (terminal ? ProgressMode.BAR : ProgressMode.PLAIN) : mode;
        if (chosen == ProgressMode.NONE) {
            return new ProgressDisplay(null, null, counters);
        }
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "tiktok-events-cli-progress");
            thread.setDaemon(true);
            return thread;
        });
        if (chosen == ProgressMode.PLAIN) {
            long millis = interval.toMillis();
            sampler.scheduleAtFixedRate(() -> err.println("progress: " + counters.get().describe()),
                    millis, millis, TimeUnit.MILLISECONDS);
            return new ProgressDisplay(sampler, null, counters);
        }
        long total = counters.get().totalBytes();
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("upload")
                .setInitialMax(total > 0 ? total : -1)
                .setUnit("MiB", MIB)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis((int) BAR_REFRESH_MILLIS)
                .setConsumer(new ConsoleProgressBarConsumer(err))
                .build();
        sampler.scheduleAtFixedRate(() -> show(bar, counters.get()), 0, BAR_REFRESH_MILLIS, TimeUnit.MILLISECONDS);
        return new ProgressDisplay(sampler, bar, counters);
    }

    private static void show(ProgressBar bar, ProgressSnapshot now) {
        bar.stepTo(now.bytesRead());
        bar.setExtraMessage(String.format(Locale.ROOT, " read %,d ok %,d refused %,d %,.0f/s",
                now.rowsRead(), now.accepted(), now.refused(), now.rowsPerSecond()));
    }

    /** Stops the display; the summary follows. */
    @Override
    public void close() {
        if (sampler != null) {
            sampler.shutdownNow();
            try {
                sampler.awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (bar != null) {
            show(bar, counters.get());      // the final counts, whenever the last sample was taken
            bar.close();
        }
    }
}
