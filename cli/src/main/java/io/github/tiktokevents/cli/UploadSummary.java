package io.github.tiktokevents.cli;

import io.github.tiktokevents.exception.TikTokException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/** The lines printed when an upload ends, and its exit code. */
final class UploadSummary {
    private final UploadPlan plan;
    private final PrintStream out;
    private final PrintStream err;

    UploadSummary(UploadPlan plan, PrintStream out, PrintStream err) {
        this.plan = plan;
        this.out = out;
        this.err = err;
    }

    /**
     * Prints the summary.
     *
     * @param emulatorEvents events the in-process emulator accepted, or -1 without one
     * @return the exit code
     */
    int print(Checkpoint start, Checkpoint end, Ledger ledger, long rowsRead, Duration elapsed, String inputProblem,
              long emulatorEvents) {
        double seconds = Math.max(elapsed.toMillis(), 1) / 1000.0;
        out.println(String.format(Locale.ROOT,
                "%s %s: %,d rows read, %,d accepted, %,d refused, in %s (%,.0f rows/s).",
                end.complete() ? "Uploaded" : "Stopped uploading", plan.inputName(), rowsRead, ledger.delivered(),
                ledger.rejected(), ProgressSnapshot.clock(elapsed), rowsRead / seconds));
        if (start.rowsSettled() > 0) {
            out.println(String.format(Locale.ROOT,
                    "Resumed after %,d rows settled earlier; in all %,d rows accepted, %,d refused.",
                    start.rowsSettled(), end.delivered(), end.rejected()));
        }
        if (end.rejected() > 0) {
            out.println("Refused rows, with the reason for each: " + plan.rejects());
        }
        if (emulatorEvents >= 0) {
            out.println(String.format(Locale.ROOT, "The in-process emulator accepted %,d events.", emulatorEvents));
        }
        TikTokException stop = ledger.stopCause();
        if (stop != null) {
            err.println("Stopped: " + stop.getMessage());
        }
        if (inputProblem != null) {
            err.println("Stopped: " + inputProblem);
        }
        if (!end.complete()) {
            err.println(String.format(Locale.ROOT, "%,d rows are settled. %s", end.rowsSettled(),
                    plan.checkpoint() == null ? "Without a checkpoint file this upload cannot be resumed."
                            : "Run the same command again to resume from the checkpoint " + plan.checkpoint() + "."));
        }
        if (ledger.stopFatal()) {
            return ExitCodes.USAGE;
        }
        return end.complete() && end.rejected() == 0 ? ExitCodes.ALL_ACCEPTED : ExitCodes.SOME_REFUSED;
    }
}
