package io.github.tiktokevents.cli;

import io.github.tiktokevents.event.EventSource;
import java.nio.file.Path;
import java.time.Duration;

/**
 * An upload's settings, checked and with every default filled in.
 *
 * @param input the input file, or null for standard input
 * @param format the input format
 * @param source the events' source
 * @param eventSourceId the source's {@code event_source_id}, or null to use the SDK's environment
 * @param defaultEventName the event name for rows without one, or null
 * @param mapping the column mapping
 * @param rejects the rejects file (unused in a dry run)
 * @param checkpoint the checkpoint file, or null for none (standard input without {@code --checkpoint})
 * @param restart whether to ignore an existing checkpoint
 * @param dryRun whether to validate and preview only
 * @param show how many payloads a dry run prints
 * @param window the event time window
 * @param batchSize events per request
 * @param baseUrl the API's base URL, or null for TikTok's
 * @param accessTokenFile a file holding the token, or null for {@code TIKTOK_ACCESS_TOKEN}
 * @param testEventCode the test event code, or null
 * @param emulator whether to send to an in-process emulator
 * @param progress how progress is shown
 * @param progressInterval how often plain progress lines are printed
 */
record UploadPlan(Path input, InputFormat format, EventSource source, String eventSourceId, String defaultEventName,
                  FieldMapping mapping, Path rejects, Path checkpoint, boolean restart, boolean dryRun, int show,
                  TimeWindow window, int batchSize, String baseUrl, Path accessTokenFile, String testEventCode,
                  boolean emulator, ProgressMode progress, Duration progressInterval) {

    /** What the input is called in messages and checkpoints. */
    String inputName() {
        return input == null ? "standard input" : input.toString();
    }
}
