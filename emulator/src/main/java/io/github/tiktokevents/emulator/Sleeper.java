package io.github.tiktokevents.emulator;

import java.time.Duration;

/**
 * How the emulator waits for a {@link Fault.Delay}. The default sleeps the handler thread; tests of the emulator
 * itself can inject one that only records the requested delay.
 *
 * <pre>{@code
 * List<Duration> waits = new CopyOnWriteArrayList<>();
 * TikTokEmulator emulator = TikTokEmulator.builder().sleeper(waits::add).build().start();
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps the calling thread with {@link Thread#sleep(long)}. */
    Sleeper SYSTEM = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));

    /**
     * Waits for a duration.
     *
     * @param duration how long to wait
     * @throws InterruptedException when the emulator is closed while waiting
     */
    void sleep(Duration duration) throws InterruptedException;
}
