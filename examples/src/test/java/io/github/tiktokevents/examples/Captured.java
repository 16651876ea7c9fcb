package io.github.tiktokevents.examples;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs an example as main() would, with a given environment, and keeps what it printed and its exit status. */
record Captured(int status, String out, String err) {
    static Captured run(Example example, Map<String, String> env) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Example.run(example, env::get, print(out), print(err));
        return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Runs the example's sending logic against a target the test prepared (to arm emulator faults). */
    static Captured send(Example example, ExampleTarget target) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Report report = new Report(print(out), print(err));
        report.target(target);
        int status = example.send(target, report);
        return new Captured(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
