package io.github.tiktokevents.cli;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.TikTokEventsBuilder;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * The SDK client an upload sends through, configured from the SDK's environment variables and the flags, or
 * pointed at an in-process emulator. Owns the emulator when there is one.
 */
final class Connection implements AutoCloseable {
    /** The event source id used with {@code --emulator} when none is given. */
    static final String EMULATOR_SOURCE_ID = "7300000000000000001";

    private final TikTokEvents client;
    private final TikTokEmulator emulator;
    private final AtomicLong emulatorEvents;

    private Connection(TikTokEvents client, TikTokEmulator emulator, AtomicLong emulatorEvents) {
        this.client = client;
        this.emulator = emulator;
        this.emulatorEvents = emulatorEvents;
    }

    /**
     * Builds the client.
     *
     * @throws UsageException naming the missing setting (never its value)
     */
    static Connection open(UploadPlan plan, Function<String, String> env) {
        TikTokEventsBuilder builder = TikTokEvents.builder().fromEnv(env);
        TikTokEmulator emulator = null;
        AtomicLong accepted = new AtomicLong();
        String sourceId = plan.eventSourceId();
        if (plan.emulator()) {
            AtomicReference<TikTokEmulator> self = new AtomicReference<>();
            // The command line never reads the emulator's journal: count and forget, so memory stays flat.
            emulator = TikTokEmulator.builder()
                    .onRequest(request -> {
                        if (request.accepted()) {
                            accepted.addAndGet(request.events().size());
                        }
                        TikTokEmulator running = self.get();
                        if (running != null) {
                            running.clear();
                        }
                    })
                    .build().start();
            self.set(emulator);
            builder.baseUrl(emulator.baseUrl()).accessToken(emulator.accessToken());
            sourceId = sourceId == null ? EMULATOR_SOURCE_ID : sourceId;
        } else {
            if (plan.accessTokenFile() != null) {
                builder.accessToken(readToken(plan.accessTokenFile()));
            }
            if (plan.baseUrl() != null) {
                builder.baseUrl(plan.baseUrl());
            }
        }
        if (sourceId != null) {
            builder.sourceId(plan.source(), sourceId);
        } else if (!EventSource.WEB.equals(plan.source()) || env.apply("TIKTOK_PIXEL_ID") == null) {
            // checked here so a missing id stops the run before any file is touched, not at the first row
            throw new UsageException("no event_source_id for " + plan.source().wireValue() + " events: pass"
                    + " --event-source-id ID" + (EventSource.WEB.equals(plan.source()) ? " or set TIKTOK_PIXEL_ID" : ""));
        }
        if (plan.testEventCode() != null) {
            builder.testEventCode(plan.testEventCode());
        }
        try {
            return new Connection(builder.build(), emulator, accepted);
        } catch (TikTokConfigurationException e) {
            if (emulator != null) {
                emulator.close();
            }
            throw new UsageException(e.getMessage() + hint(plan.source()), e);
        }
    }

    private static String hint(EventSource source) {
        return EventSource.WEB.equals(source) ? "" : " (for " + source.wireValue() + " events pass --event-source-id)";
    }

    private static String readToken(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UsageException("cannot read the access token file " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    /** The client. */
    TikTokEvents client() {
        return client;
    }

    /** The in-process emulator's base URL, or null when sending to TikTok. */
    String emulatorUrl() {
        return emulator == null ? null : emulator.baseUrl();
    }

    /** Events the in-process emulator accepted. */
    long emulatorEvents() {
        return emulatorEvents.get();
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }
}
