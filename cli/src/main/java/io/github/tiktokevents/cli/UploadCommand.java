package io.github.tiktokevents.cli;

import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code upload}: the options, checked into an {@link UploadPlan}, then a dry run or an upload. */
@Command(name = "upload", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = {
            "Uploads events from a CSV file (with a header) or JSON lines, or from standard input.",
            "Personal data is normalised and SHA-256 hashed on this machine; already hashed values pass.",
            "Each row gets a deterministic event_id (the event_id column, or a hash of the row), so nothing is "
                    + "counted twice; a checkpoint lets a stopped upload resume.",
            "Exit codes: 0 all rows accepted, 1 some refused (see the rejects file) or stopped early, "
                    + "2 bad usage or configuration.",
            "Environment: TIKTOK_ACCESS_TOKEN, TIKTOK_PIXEL_ID (web), TIKTOK_API_VERSION, TIKTOK_TEST_EVENT_CODE."})
final class UploadCommand implements Callable<Integer> {
    private final CliEnvironment environment;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
            description = "CSV or JSON lines file; '-' or none reads standard input.")
    String file;

    @Option(names = "--format", paramLabel = "csv|jsonl",
            description = "Input format; default from the file name (.jsonl, .ndjson, .json: jsonl), else csv.")
    String format;

    @Option(names = "--source", defaultValue = "offline", paramLabel = "SOURCE",
            description = "offline, crm, web or app (default: ${DEFAULT-VALUE}).")
    String source;

    @Option(names = "--event-source-id", paramLabel = "ID",
            description = "The source's event_source_id: offline or CRM event set id, app id or pixel code "
                    + "(web default: TIKTOK_PIXEL_ID).")
    String eventSourceId;

    @Option(names = "--event", paramLabel = "NAME", description = "Event name for rows without an event column.")
    String eventName;

    @Option(names = "--map", paramLabel = "FIELD=COLUMN",
            description = "Feeds FIELD from COLUMN, e.g. --map email=\"E-Mail\"; repeatable; wins over defaults.")
    Map<String, String> map;

    @Option(names = "--mapping-file", paramLabel = "FILE", description = "A properties file of field=column lines.")
    Path mappingFile;

    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone of times written without an offset, e.g. Europe/Paris.")
    String zone;

    @Option(names = "--phone-country-code", paramLabel = "CODE",
            description = "Country calling code of phone numbers written without one, e.g. 44.")
    String phoneCountryCode;

    @Option(names = "--rejects", paramLabel = "FILE",
            description = "Where refused rows go (default: beside the input, NAME.rejects.EXT).")
    Path rejects;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Resume point (default: beside the input, NAME.checkpoint.json; none for stdin).")
    Path checkpoint;

    @Option(names = "--restart", description = "Ignore an existing checkpoint and start from the first row.")
    boolean restart;

    @Option(names = "--dry-run", description = "Validate every row and print the first payloads; send nothing.")
    boolean dryRun;

    @Option(names = "--show", defaultValue = "3", paramLabel = "N",
            description = "Payloads a dry run prints (default: ${DEFAULT-VALUE}).")
    int show;

    @Option(names = "--max-age-days", paramLabel = "DAYS",
            description = "Refuse events older than this (default: 28 for offline, none for other sources).")
    Integer maxAgeDays;

    @Option(names = "--ignore-time-window",
            description = "Skip this tool's own age check (--max-age-days, events ahead of the clock). TikTok's limits,"
                    + " which the SDK enforces for every row (offline events at most 28 days old, none more than"
                    + " 1 hour ahead), still apply.")
    boolean ignoreTimeWindow;

    @Option(names = "--time-if-missing", paramLabel = "now",
            description = "A row without an event time is sent as happening at upload time (the only value: now);"
                    + " without this option such a row is refused.")
    String timeIfMissing;

    @Option(names = "--batch-size", defaultValue = "1000", paramLabel = "N",
            description = "Events per request, 1 to 1000 (default: ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--base-url", paramLabel = "URL", description = "The API's base URL (default: TikTok's).")
    String baseUrl;

    @Option(names = "--access-token-file", paramLabel = "FILE",
            description = "Read the access token from a file instead of TIKTOK_ACCESS_TOKEN.")
    Path accessTokenFile;

    @Option(names = "--test-event-code", paramLabel = "CODE", description = "Mark events as test events.")
    String testEventCode;

    @Option(names = "--emulator", description = "Send to an in-process TikTok emulator: no account needed.")
    boolean emulator;

    @Option(names = "--progress", defaultValue = "auto", paramLabel = "MODE",
            description = "auto, bar, plain or none (default: ${DEFAULT-VALUE}).")
    String progress;

    @Option(names = "--progress-interval", defaultValue = "10", paramLabel = "SECONDS",
            description = "Seconds between plain progress lines (default: ${DEFAULT-VALUE}).")
    int progressIntervalSeconds;

    UploadCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws Exception {
        UploadPlan plan = plan();
        EventDefaults defaults = eventDefaults();
        return dryRun ? new DryRun(plan, defaults, environment).run() : new Upload(plan, defaults, environment).run();
    }

    private UploadPlan plan() {
        Path input = file == null || file.equals("-") ? null : Path.of(file);
        if (input != null && !Files.isReadable(input)) {
            throw new UsageException("cannot read the input file " + input);
        }
        InputFormat inputFormat = format != null ? parseFormat(format)
                : input == null ? InputFormat.CSV : InputFormat.fromFileName(input.getFileName().toString());
        EventSource eventSource = EventSource.of(source.strip().toLowerCase(java.util.Locale.ROOT));
        if (batchSize < 1 || batchSize > 1000) {
            throw new UsageException("--batch-size must be from 1 to 1000, was " + batchSize);
        }
        if (show < 0 || progressIntervalSeconds < 1 || (maxAgeDays != null && maxAgeDays < 1)) {
            throw new UsageException("--show, --progress-interval and --max-age-days must be positive");
        }
        Path rejectsPath = rejects != null ? rejects : defaultBeside(input, "rejects." + inputFormat.extension(),
                "tiktok-events-rejects." + inputFormat.extension());
        Path checkpointPath = checkpoint != null ? checkpoint : input == null ? null
                : defaultBeside(input, "checkpoint.json", null);
        return new UploadPlan(input, inputFormat, eventSource, eventSourceId, eventName,
                FieldMapping.of(mappingFile, map), rejectsPath, checkpointPath, restart, dryRun, show,
                window(eventSource), batchSize, baseUrl, accessTokenFile, testEventCode, emulator,
                parseProgress(progress), Duration.ofSeconds(progressIntervalSeconds));
    }

    private TimeWindow window(EventSource eventSource) {
        if (maxAgeDays != null) {
            return new TimeWindow(environment.clock(), Duration.ofDays(maxAgeDays), "--max-age-days", !ignoreTimeWindow,
                    undatedAreNow());
        }
        boolean offline = EventSource.OFFLINE.equals(eventSource);
        return new TimeWindow(environment.clock(), offline ? TimeWindow.OFFLINE_MAX_AGE : null, "the offline window",
                !ignoreTimeWindow, undatedAreNow());
    }

    private boolean undatedAreNow() {
        if (timeIfMissing == null) {
            return false;
        }
        if (!"now".equals(timeIfMissing)) {
            throw new UsageException("--time-if-missing takes only the value now");
        }
        return true;
    }

    private EventDefaults eventDefaults() {
        EventDefaults defaults = EventDefaults.standard().withClock(environment.clock());
        try {
            if (zone != null) {
                defaults = defaults.withDefaultZone(ZoneId.of(zone));
            }
            if (phoneCountryCode != null) {
                defaults = defaults.withDefaultPhoneCountryCode(phoneCountryCode);
            }
        } catch (DateTimeException | TikTokValidationException e) {
            throw new UsageException("--zone or --phone-country-code is not valid: " + e.getMessage(), e);
        }
        return defaults;
    }

    /** NAME.csv gives NAME.SUFFIX beside it; standard input gives the fallback in the working directory. */
    private static Path defaultBeside(Path input, String suffix, String fallback) {
        if (input == null) {
            return Path.of(fallback);
        }
        String name = input.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        return input.resolveSibling(stem + "." + suffix);
    }

    private static InputFormat parseFormat(String text) {
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "csv" -> InputFormat.CSV;
            case "jsonl", "ndjson", "json" -> InputFormat.JSONL;
            default -> throw new UsageException("--format must be csv or jsonl, was " + text);
        };
    }

    private static ProgressMode parseProgress(String text) {
        try {
            return ProgressMode.valueOf(text.strip().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--progress must be auto, bar, plain or none, was " + text);
        }
    }
}
