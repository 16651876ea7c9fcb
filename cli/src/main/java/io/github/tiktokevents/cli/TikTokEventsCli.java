package io.github.tiktokevents.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code tiktok-events} command line. Its one command, {@code upload}, sends events from a CSV or JSON lines
 * file through the SDK:
 *
 * <pre>{@code
 * export TIKTOK_ACCESS_TOKEN=...
 * tiktok-events upload orders.csv --source offline --event-source-id 7300000000000000001 --event CompletePayment
 * tiktok-events upload cli/samples/offline-purchases.csv --emulator     # no account needed
 * }</pre>
 *
 * <p>Exit codes: 0 every row accepted, 1 some refused (see the rejects file) or stopped early (run again to
 * resume), 2 bad usage or configuration.
 */
@Command(name = "tiktok-events", mixinStandardHelpOptions = true, versionProvider = TikTokEventsCli.Version.class,
        description = "Uploads offline, CRM, web and app events to the TikTok Events API from files.")
public final class TikTokEventsCli {

    private TikTokEventsCli() {
    }

    /**
     * Runs the command line and exits with its exit code.
     *
     * @param args the arguments, such as {@code upload orders.csv --dry-run}
     */
    public static void main(String[] args) {
        System.exit(run(args, CliEnvironment.system()));
    }

    /** Runs the command line in the given environment and returns its exit code; never exits the JVM. */
    static int run(String[] args, CliEnvironment environment) {
        CommandLine cli = new CommandLine(new TikTokEventsCli())
                .addSubcommand(new CommandLine(new UploadCommand(environment)))
                .setOut(new PrintWriter(environment.out(), true))
                .setErr(new PrintWriter(environment.err(), true))
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    if (e instanceof UsageException) {
                        environment.err().println("tiktok-events: " + e.getMessage());
                        return ExitCodes.USAGE;
                    }
                    // the SDK's messages carry neither the token nor personal data; a stack trace could be long
                    environment.err().println("tiktok-events: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    return ExitCodes.SOME_REFUSED;
                });
        cli.setExitCodeExceptionMapper(e -> ExitCodes.USAGE);
        if (args.length == 0) {
            cli.usage(cli.getOut());
            return ExitCodes.USAGE;
        }
        return cli.execute(args);
    }

    /** The version from the jar's manifest, when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = TikTokEventsCli.class.getPackage().getImplementationVersion();
            return new String[] {"tiktok-events " + (version == null ? "(development build)" : version)};
        }
    }
}
