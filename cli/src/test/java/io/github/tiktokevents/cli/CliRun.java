package io.github.tiktokevents.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Runs the command line's entry point in this JVM with captured streams and a given environment. */
final class CliRun {
    private final Map<String, String> env = new HashMap<>();
    private byte[] stdin = new byte[0];

    static CliRun withToken(String token) {
        CliRun run = new CliRun();
        run.env.put("TIKTOK_ACCESS_TOKEN", token);
        return run;
    }

    static CliRun withoutToken() {
        return new CliRun();
    }

    CliRun stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliEnvironment environment = new CliEnvironment(env::get, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Clock.systemUTC(), false);
        int code = TikTokEventsCli.run(args, environment);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** What a run did. */
    record Result(int exitCode, String out, String err) {
        String all() {
            return out + err;
        }
    }
}
