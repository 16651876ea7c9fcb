package io.github.tiktokevents.emulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

/**
 * Runs a {@link TikTokEmulator} from the command line until the process is stopped (Ctrl-C), printing one line per
 * request.
 *
 * <pre>{@code
 * mvn -B -ntp -pl emulator -am package -DskipTests
 * java -jar emulator/target/tiktok-events-emulator-0.1.0-SNAPSHOT-all.jar --port 8080 --access-token test-token
 * # then point a client at http://127.0.0.1:8080 with the header Access-Token: test-token
 * }</pre>
 *
 * <p>Options: {@code --port N} (default 8080), {@code --host HOST} (default 127.0.0.1), {@code --access-token TOKEN}
 * (default: the environment variable {@code TIKTOK_ACCESS_TOKEN}, else {@code test-token}),
 * {@code --allow-event-source ID} (repeatable), {@code --rate-limit-every N}, {@code --fault-rate P},
 * {@code --seed S}, {@code --spec FILE} (default: the spec packaged in the jar; give an edited copy of
 * {@code spec/tiktok-events-api.yaml} to try a spec change before it is packaged), {@code --quiet}, {@code --help}.
 */
public final class TikTokEmulatorMain {
    private TikTokEmulatorMain() {
    }

    /**
     * Starts the emulator and returns; the server's own thread keeps the JVM running until it is stopped.
     *
     * @param args the options above
     */
    public static void main(String[] args) {
        TikTokEmulator emulator;
        try {
            emulator = start(args, System.out, System::getenv);
        } catch (IllegalArgumentException e) {
            System.err.println("tiktok-events-emulator: " + e.getMessage());
            System.err.println(MainOptions.USAGE);
            System.exit(2);
            return;
        } catch (UncheckedIOException e) {
            System.err.println("tiktok-events-emulator: " + e.getMessage() + ": " + e.getCause().getMessage());
            System.exit(1);
            return;
        }
        if (emulator != null) {
            Runtime.getRuntime().addShutdownHook(new Thread(emulator::close, "tiktok-emulator-shutdown"));
        }
    }

    /**
     * Parses the options and starts the emulator; prints the help instead with {@code --help}.
     *
     * @param args the command line
     * @param out where to print the banner (and the help)
     * @param env looks up environment variables
     * @return the running emulator, or null after printing the help
     * @throws IllegalArgumentException on a bad option
     */
    static TikTokEmulator start(String[] args, PrintStream out, UnaryOperator<String> env) {
        MainOptions options;
        try {
            options = MainOptions.parse(args, env);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a number: " + e.getMessage(), e);
        }
        if (options.help) {
            out.println(MainOptions.USAGE);
            return null;
        }
        TikTokEmulator emulator = options.build(out).start();
        out.println("TikTok Events API emulator listening on " + emulator.baseUrl()
                + " (POST /open_api/v1.3/event/track/, /pixel/track/, /pixel/batch/; send the configured"
                + " Access-Token header; Ctrl-C stops it)");
        if (options.spec != null) {
            out.println("Validating requests against " + options.spec.toAbsolutePath().normalize());
        }
        return emulator;
    }
}
