package io.github.tiktokevents.cli;

import java.time.Duration;
import java.util.Locale;

/**
 * The counters progress shows.
 *
 * @param rowsRead rows read in this run (rows skipped from a checkpoint not included)
 * @param accepted rows TikTok accepted in this run
 * @param refused rows refused in this run
 * @param bytesRead input bytes read
 * @param totalBytes the input's size, or -1 when unknown (standard input)
 * @param elapsed time since the run started
 */
record ProgressSnapshot(long rowsRead, long accepted, long refused, long bytesRead, long totalBytes,
                        Duration elapsed) {

    /** Settled rows per second over the whole run. */
    double rowsPerSecond() {
        double seconds = elapsed.toMillis() / 1000.0;
        return seconds <= 0 ? 0 : (accepted + refused) / seconds;
    }

    /** The estimated time left, from the share of input bytes read, or null when unknown. */
    Duration eta() {
        if (totalBytes <= 0 || bytesRead <= 0) {
            return null;
        }
        double left = Math.max(0, totalBytes - bytesRead) / (double) bytesRead;
        return Duration.ofMillis((long) (elapsed.toMillis() * left));
    }

    /** One line: "read 12,000 rows, accepted 11,880, refused 120, 4,100 rows/s, 40% of the input, ETA 0:42". */
    String describe() {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "read %,d rows, accepted %,d, refused %,d, %,.0f rows/s", rowsRead, accepted, refused, rowsPerSecond()));
        if (totalBytes > 0) {
            line.append(String.format(Locale.ROOT, ", %d%% of the input", Math.min(100, bytesRead * 100 / totalBytes)));
        }
        Duration eta = eta();
        if (eta != null) {
            line.append(", ETA ").append(clock(eta));
        }
        return line.toString();
    }

    /** A duration as h:mm:ss or m:ss. */
    static String clock(Duration duration) {
        long seconds = duration.toSeconds();
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
