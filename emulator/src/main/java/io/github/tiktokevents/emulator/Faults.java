package io.github.tiktokevents.emulator;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;

/**
 * The emulator's fault plan: which requests get a {@link Fault} instead of a normal answer. Change it at any time,
 * from any thread; each request consults it once, on arrival.
 *
 * <pre>{@code
 * emulator.faults().next(Fault.dropConnection());          // only the next request
 * emulator.faults().rateLimitEvery(3);                     // the 3rd, 6th, 9th ... request from now on
 * emulator.faults().randomly(42L, 0.2, Fault.systemError(), Fault.httpError(503, null)); // 20%, reproducibly
 * emulator.faults().clear();                               // back to normal
 * }</pre>
 *
 * <p>Precedence for each request: a fault queued with {@link #next} first, then the {@link #every} rule, then the
 * {@link #randomly} rule. A request that matches none is answered normally.
 */
public final class Faults {
    private final Queue<Fault> queued = new ArrayDeque<>();
    private Fault periodic;
    private int period;
    private long seenSincePeriodic;
    private Fault[] randomChoices;
    private double randomProbability;
    private Random random;

    Faults() {
    }

    /**
     * Queues faults for the next requests, one each, in order; they come before any other rule.
     *
     * @param faults the faults, for the next {@code faults.length} requests
     * @return this plan
     */
    public synchronized Faults next(Fault... faults) {
        for (Fault fault : faults) {
            queued.add(Objects.requireNonNull(fault, "fault"));
        }
        return this;
    }

    /**
     * Shows a fault on every {@code n}th request counted from now (the {@code n}th, {@code 2n}th, ...). Replaces the
     * previous {@code every} rule.
     *
     * @param n the period, at least 1 (1 means every request)
     * @param fault the fault to show
     * @return this plan
     */
    public synchronized Faults every(int n, Fault fault) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1: " + n);
        }
        periodic = Objects.requireNonNull(fault, "fault");
        period = n;
        seenSincePeriodic = 0;
        return this;
    }

    /**
     * Answers every {@code n}th request from now with TikTok's rate limit ({@link Fault#rateLimited()}).
     *
     * @param n the period, at least 1
     * @return this plan
     */
    public Faults rateLimitEvery(int n) {
        return every(n, Fault.rateLimited());
    }

    /**
     * Shows a fault on a random share of requests, chosen evenly among {@code choices} by a generator seeded with
     * {@code seed}, so a run can be repeated exactly when requests arrive in the same order. Replaces the previous
     * {@code randomly} rule.
     *
     * @param seed the seed of the random generator
     * @param probability the share of requests to fault, 0 to 1
     * @param choices the faults to choose from, at least one
     * @return this plan
     */
    public synchronized Faults randomly(long seed, double probability, Fault... choices) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be between 0 and 1: " + probability);
        }
        if (choices.length == 0) {
            throw new IllegalArgumentException("give at least one fault to choose from");
        }
        Arrays.stream(choices).forEach(choice -> Objects.requireNonNull(choice, "choice"));
        randomChoices = choices.clone();
        randomProbability = probability;
        random = new Random(seed);
        return this;
    }

    /**
     * Removes every rule and every queued fault: requests are answered normally again.
     *
     * @return this plan
     */
    public synchronized Faults clear() {
        queued.clear();
        periodic = null;
        period = 0;
        seenSincePeriodic = 0;
        randomChoices = null;
        random = null;
        return this;
    }

    /**
     * The faults still queued by {@link #next}, in order.
     *
     * @return a snapshot of the queue
     */
    public synchronized List<Fault> queued() {
        return List.copyOf(queued);
    }

    /** Decides the fault for one arriving request, advancing the counters of the rules. */
    synchronized Optional<Fault> decide() {
        Fault fromQueue = queued.poll();
        boolean periodicHit = periodic != null && ++seenSincePeriodic % period == 0;
        // the random draw happens for every request, so a seeded run does not depend on the other rules
        boolean randomHit = random != null && random.nextDouble() < randomProbability;
        Fault randomPick = randomHit ? randomChoices[random.nextInt(randomChoices.length)] : null;
        if (fromQueue != null) {
            return Optional.of(fromQueue);
        }
        if (periodicHit) {
            return Optional.of(periodic);
        }
        return Optional.ofNullable(randomPick);
    }
}
