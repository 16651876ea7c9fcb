package io.github.tiktokevents.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the command reads from and writes to outside its arguments, in one place so tests inject their own:
 * environment variables, standard streams, the clock and whether standard error is a terminal.
 *
 * @param env the value of an environment variable, or null
 * @param stdin standard input (the rows when no file is given)
 * @param out standard output: payload previews and the summary
 * @param err standard error: progress, warnings and errors
 * @param clock the clock for time windows and rates
 * @param terminal whether standard error is an interactive terminal (chooses the progress bar)
 */
record CliEnvironment(Function<String, String> env, InputStream stdin, PrintStream out, PrintStream err,
                      Clock clock, boolean terminal) {

    CliEnvironment {
        Objects.requireNonNull(env, "env");
        Objects.requireNonNull(stdin, "stdin");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(clock, "clock");
    }

    /** The real process: its environment, streams and the UTC system clock. */
    static CliEnvironment system() {
        return new CliEnvironment(System::getenv, System.in, System.out, System.err, Clock.systemUTC(),
                System.console() != null);
    }
}
