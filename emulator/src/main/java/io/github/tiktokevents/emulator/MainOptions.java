package io.github.tiktokevents.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The command line of {@link TikTokEmulatorMain}, parsed. */
final class MainOptions {
    static final String USAGE = String.join(System.lineSeparator(),
            "Usage: java -jar tiktok-events-emulator-<version>-all.jar [options]",
            "  --port N                  port to listen on (default 8080; 0 picks a free one)",
            "  --host HOST               address to listen on (default 127.0.0.1)",
            "  --access-token TOKEN      the accepted Access-Token (default: $TIKTOK_ACCESS_TOKEN, else test-token)",
            "  --allow-event-source ID   accept only these event_source_id / pixel_code values (repeatable)",
            "  --rate-limit-every N      answer every Nth request with code 40100",
            "  --fault-rate P            fault a share P (0..1) of requests: 40100, 50000, HTTP 503, dropped",
            "  --seed S                  seed of --fault-rate (default 1), for reproducible runs",
            "  --spec FILE               validate against this copy of the spec (YAML or JSON), such as an edited",
            "                            spec/tiktok-events-api.yaml (default: the spec packaged in the jar)",
            "  --quiet                   do not print a line per request",
            "  --help                    print this help");

    int port = 8080;
    String host = "127.0.0.1";
    String accessToken;
    final List<String> allowedEventSources = new ArrayList<>();
    int rateLimitEvery;
    double faultRate;
    long seed = 1;
    Path spec;
    boolean quiet;
    boolean help;

    /**
     * @param env looks up environment variables (injectable so tests do not depend on the real environment)
     * @throws IllegalArgumentException on an unknown option or a bad value
     */
    static MainOptions parse(String[] args, UnaryOperator<String> env) {
        MainOptions options = new MainOptions();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--port" -> options.port = Integer.parseInt(value(args, ++i, option));
                case "--host" -> options.host = value(args, ++i, option);
                case "--access-token" -> options.accessToken = value(args, ++i, option);
                case "--allow-event-source" -> options.allowedEventSources.add(value(args, ++i, option));
                case "--rate-limit-every" -> options.rateLimitEvery = Integer.parseInt(value(args, ++i, option));
                case "--fault-rate" -> options.faultRate = Double.parseDouble(value(args, ++i, option));
                case "--seed" -> options.seed = Long.parseLong(value(args, ++i, option));
                case "--spec" -> options.spec = Path.of(value(args, ++i, option));
                case "--quiet" -> options.quiet = true;
                case "--help", "-h" -> options.help = true;
                default -> throw new IllegalArgumentException("unknown option: " + option);
            }
        }
        if (options.accessToken == null) {
            String fromEnv = env.apply("TIKTOK_ACCESS_TOKEN");
            options.accessToken = fromEnv == null || fromEnv.isBlank() ? TikTokEmulator.DEFAULT_ACCESS_TOKEN : fromEnv;
        }
        return options;
    }

    TikTokEmulator build(PrintStream out) {
        TikTokEmulatorBuilder builder = TikTokEmulator.builder();
        if (spec != null) {
            builder.spec(spec);
        }
        TikTokEmulator emulator = builder
                .port(port)
                .host(host)
                .accessToken(accessToken)
                .allowedEventSourceIds(allowedEventSources)
                .onRequest(quiet ? request -> { } : request -> out.println(describe(request)))
                .build();
        if (rateLimitEvery > 0) {
            emulator.faults().rateLimitEvery(rateLimitEvery);
        }
        if (faultRate > 0) {
            emulator.faults().randomly(seed, faultRate, Fault.rateLimited(), Fault.systemError(),
                    Fault.httpError(503, Duration.ofSeconds(1)), Fault.dropConnection());
        }
        return emulator;
    }

    static String describe(RecordedRequest request) {
        String answer = request.httpStatus() == 0 ? "connection dropped"
                : "HTTP " + request.httpStatus() + request.code().stream().mapToObj(code -> " code " + code).findFirst()
                        .orElse("") + " " + request.message();
        return "#" + request.sequence() + " " + request.method() + " " + request.path() + " -> " + answer
                + " (" + request.events().size() + " events, " + (request.accepted() ? "accepted" : "not accepted")
                + request.fault().map(fault -> ", fault " + fault).orElse("") + ")";
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
