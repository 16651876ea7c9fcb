package io.github.tiktokevents.examples;

import java.io.PrintStream;
import java.util.function.Function;

/**
 * One example's sending logic, given where to send and where to report. Returns an exit status instead of exiting,
 * so tests can run it against the emulator.
 */
@FunctionalInterface
interface Example {
    /**
     * Sends and reports.
     *
     * @return {@link Report#OK}, {@link Report#FAILED} or {@link Report#NOT_CONFIGURED}
     */
    int send(ExampleTarget target, Report report);

    /**
     * Picks the target from the environment, runs the example, closes everything, and turns any exception into
     * one line and an exit status.
     *
     * @return the exit status
     */
    static int run(Example example, Function<String, String> env, PrintStream out, PrintStream err) {
        Report report = new Report(out, err);
        try (ExampleTarget target = ExampleTarget.fromEnvironment(env)) {
            report.target(target);
            return example.send(target, report);
        } catch (RuntimeException e) {
            return report.failure(e);
        }
    }
}
