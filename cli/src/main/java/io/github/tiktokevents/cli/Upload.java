package io.github.tiktokevents.cli;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An upload: reads rows one at a time, turns each into an event, and hands it to the SDK's background processor,
 * which sends requests of up to 1,000 events with retries. Memory stays flat: the reader waits while
 * {@link DeliveryTracker#MAX_OUTSTANDING} events are in the processor or the {@link Ledger}'s window is full.
 */
final class Upload {
    private static final long WAIT_MILLIS = 200;

    private final UploadPlan plan;
    private final EventDefaults defaults;
    private final CliEnvironment environment;
    private final AtomicLong rowsRead = new AtomicLong();

    Upload(UploadPlan plan, EventDefaults defaults, CliEnvironment environment) {
        this.plan = plan;
        this.defaults = defaults;
        this.environment = environment;
    }

    int run() throws IOException, InterruptedException {
        CheckpointStore store = plan.checkpoint() == null ? null : new CheckpointStore(plan.checkpoint());
        Checkpoint start = resumePoint(store);
        if (start.complete()) {
            environment.out().printf("Nothing to do: the checkpoint %s says all %,d rows of %s were settled"
                    + " (%,d accepted, %,d refused). Pass --restart to upload again.%n", store.path(),
                    start.rowsSettled(), plan.inputName(), start.delivered(), start.rejected());
            return start.rejected() == 0 ? ExitCodes.ALL_ACCEPTED : ExitCodes.SOME_REFUSED;
        }
        long totalBytes = InputSource.size(plan.input());
        CountingInputStream input = InputSource.open(plan, environment.stdin());
        try (RowReader reader = RowReader.open(plan.format(), input)) {
            HeaderCheck.check(reader.header(), plan.mapping(), plan.defaultEventName(), plan.window().undatedAreNow());
            EventFactory factory = new EventFactory(plan.source(), plan.defaultEventName(), defaults, plan.mapping(),
                    plan.window());
            try (Connection connection = Connection.open(plan, environment.env());
                 RejectsFile rejects = RejectsFile.open(plan.rejects(), plan.format(), reader.header(),
                         keptRejectBytes(start))) {
                if (connection.emulatorUrl() != null) {
                    environment.err().println("Sending to an in-process emulator at " + connection.emulatorUrl()
                            + ": nothing leaves this machine.");
                }
                // rates count from here: starting an in-process emulator takes seconds and is not upload time
                Instant began = environment.clock().instant();
                Ledger ledger = new Ledger(start, rejects, Ledger.DEFAULT_WINDOW);
                DeliveryTracker tracker = new DeliveryTracker(ledger);
                Checkpointer checkpointer = new Checkpointer(store, ledger, start);
                boolean readToEnd;
                String inputProblem = null;
                EventProcessor processor = connection.client().processor(processorOptions(tracker));
                try (ProgressDisplay progress = ProgressDisplay.start(plan.progress(), environment.terminal(),
                        environment.err(), plan.progressInterval(), () -> new ProgressSnapshot(rowsRead.get(),
                                ledger.delivered(), ledger.rejected(), input.count(), totalBytes,
                                Duration.between(began, environment.clock().instant())))) {
                    try {
                        readToEnd = send(reader, factory, ledger, tracker, processor, checkpointer, start);
                    } catch (IOException e) {
                        readToEnd = false;
                        inputProblem = e.getMessage();
                    }
                    processor.flush();
                    processor.close();
                }
                boolean complete = readToEnd && !ledger.stopped() && tracker.idle();
                Checkpoint end = checkpointer.writeFinal(complete);
                return new UploadSummary(plan, environment.out(), environment.err()).print(start, end, ledger,
                        rowsRead.get(), Duration.between(began, environment.clock().instant()), inputProblem,
                        connection.emulatorUrl() == null ? -1 : connection.emulatorEvents());
            }
        }
    }

    /** Reads and enqueues rows; false when it stopped before the end of the input. */
    private boolean send(RowReader reader, EventFactory factory, Ledger ledger, DeliveryTracker tracker,
                         EventProcessor processor, Checkpointer checkpointer, Checkpoint start)
            throws IOException, InterruptedException {
        Row row;
        while ((row = reader.next()) != null) {
            if (row.index() < start.rowsSettled()) {
                continue;   // settled by an earlier run: neither sent nor listed again
            }
            while (!ledger.awaitRoom(row.index(), WAIT_MILLIS)) {
                checkpointer.maybeWrite();
            }
            if (ledger.stopped()) {
                return false;
            }
            rowsRead.incrementAndGet();
            Event event;
            try {
                event = factory.toEvent(row);
            } catch (RowRejectedException e) {
                ledger.rejected(row.index(), Reject.invalid(row, e));
                checkpointer.maybeWrite();
                continue;
            }
            while (!tracker.awaitRoom(WAIT_MILLIS)) {
                if (ledger.stopped()) {
                    return false;
                }
                checkpointer.maybeWrite();
            }
            tracker.track(event.eventId(), row);
            processor.enqueue(event);
            checkpointer.maybeWrite();
        }
        return true;
    }

    private ProcessorOptions processorOptions(DeliveryTracker tracker) {
        return ProcessorOptions.builder()
                .maxBatchSize(plan.batchSize())
                .maxDelay(Duration.ofMillis(200))
                .queueCapacity(DeliveryTracker.MAX_OUTSTANDING + 2_000)
                .queueFullPolicy(QueueFullPolicy.BLOCK_WITH_TIMEOUT)
                .enqueueTimeout(Duration.ofSeconds(30))
                .listener(tracker)
                .threadNamePrefix("tiktok-events-cli")
                .build();
    }

    private Checkpoint resumePoint(CheckpointStore store) throws IOException {
        String fingerprint = plan.input() == null ? "" : InputFingerprint.of(plan.input());
        Checkpoint fresh = Checkpoint.start(plan.inputName(), fingerprint);
        if (store == null || plan.restart()) {
            return fresh;
        }
        Checkpoint saved = store.read();
        if (saved == null) {
            return fresh;
        }
        if (!fingerprint.equals(saved.inputFingerprint())) {
            throw new UsageException("the checkpoint " + store.path() + " belongs to another input (its first bytes"
                    + " differ): pass --restart to start over, or --checkpoint FILE");
        }
        if (!saved.complete()) {
            environment.err().printf("Resuming %s after row %,d (checkpoint %s).%n", plan.inputName(),
                    saved.rowsSettled(), store.path());
        }
        return saved;
    }

    /** The rejects file's length to keep: the checkpoint's, unless the file was removed or cut meanwhile. */
    private long keptRejectBytes(Checkpoint start) throws IOException {
        if (start.rejectsBytes() == 0) {
            return 0;
        }
        if (Files.exists(plan.rejects()) && Files.size(plan.rejects()) >= start.rejectsBytes()) {
            return start.rejectsBytes();
        }
        environment.err().println("The rejects file " + plan.rejects() + " is shorter than the checkpoint"
                + " recorded; rows refused before the checkpoint are no longer listed in it.");
        return 0;
    }
}
