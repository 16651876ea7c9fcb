package io.github.tiktokevents.cli;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import java.io.IOException;
import java.util.Locale;

/**
 * {@code --dry-run}: reads and validates every row exactly as an upload would, prints the first payloads and the
 * first problems, and sends nothing: it does not even build a client, so it needs no access token. It writes no file.
 */
final class DryRun {
    /** Problems printed at most; the count covers all. */
    static final int PROBLEMS_SHOWN = 20;

    private final UploadPlan plan;
    private final EventDefaults defaults;
    private final CliEnvironment environment;

    DryRun(UploadPlan plan, EventDefaults defaults, CliEnvironment environment) {
        this.plan = plan;
        this.defaults = defaults;
        this.environment = environment;
    }

    int run() throws IOException {
        long rows = 0;
        long valid = 0;
        long refused = 0;
        try (RowReader reader = RowReader.open(plan.format(), InputSource.open(plan, environment.stdin()))) {
            HeaderCheck.check(reader.header(), plan.mapping(), plan.defaultEventName(), plan.window().undatedAreNow());
            EventFactory factory = new EventFactory(plan.source(), plan.defaultEventName(), defaults, plan.mapping(),
                    plan.window());
            Row row;
            while ((row = reader.next()) != null) {
                rows++;
                try {
                    Event event = factory.toEvent(row);
                    if (valid++ < plan.show()) {
                        environment.out().println(PayloadPreview.of(event));
                    }
                } catch (RowRejectedException e) {
                    if (refused++ < PROBLEMS_SHOWN) {
                        environment.err().println("row " + row.number() + ": " + e.getMessage());
                    }
                }
            }
        }
        environment.out().println(String.format(Locale.ROOT,
                "Dry run of %s: %,d rows, %,d valid, %,d refused; event times %s. Nothing was sent.",
                plan.inputName(), rows, valid, refused, plan.window().describe()));
        return refused == 0 ? ExitCodes.ALL_ACCEPTED : ExitCodes.SOME_REFUSED;
    }
}
