package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.emulator.TikTokEmulator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The project's emulator, as the integrations' figures send to it, counting the events it accepts. It records every
 * request it answers, which for a million events would hold gigabytes in this JVM, so its recording is cleared twice a
 * second; the count of accepted events is kept apart from it.
 */
final class EmulatorUnderLoad implements AutoCloseable {
    private final AtomicLong accepted = new AtomicLong();
    private final TikTokEmulator emulator;
    private final ScheduledExecutorService clearer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "emulator-recording-clearer");
        thread.setDaemon(true);
        return thread;
    });

    EmulatorUnderLoad() {
        emulator = TikTokEmulator.builder().onRequest(request -> {
            if (request.accepted()) {
                accepted.addAndGet(request.events().size());
            }
        }).build().start();
        clearer.scheduleWithFixedDelay(emulator::clear, 500, 500, TimeUnit.MILLISECONDS);
    }

    String baseUrl() {
        return emulator.baseUrl();
    }

    String accessToken() {
        return emulator.accessToken();
    }

    /** Events accepted since the emulator started. */
    long accepted() {
        return accepted.get();
    }

    @Override
    public void close() {
        clearer.shutdownNow();
        emulator.close();
    }
}
