package io.github.tiktokevents.spring.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * How long the processor may drain at shutdown: {@code tiktok.events.processor.close-timeout}, at most
 * {@code spring.lifecycle.timeout-per-shutdown-phase} (Spring's default 30 s) less 5 s (less half, for a phase under
 * 10 s): the processor may take a few seconds beyond its timeout to report what is left as failed and end its
 * threads, and that must happen before Spring stops waiting for the phase and moves on to destroy the beans.
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 */
public final class ShutdownTimeouts {
    static final String PHASE_TIMEOUT = "spring.lifecycle.timeout-per-shutdown-phase";
    static final Duration DEFAULT_PHASE_TIMEOUT = Duration.ofSeconds(30);

    private ShutdownTimeouts() {
    }

    /**
     * The drain's limit.
     *
     * @param environment holds {@code spring.lifecycle.timeout-per-shutdown-phase}, in any form Boot accepts
     * @param configured {@code tiktok.events.processor.close-timeout}, or null
     * @return the limit
     */
    public static Duration drainTimeout(Environment environment, Duration configured) {
        Duration phase = Binder.get(environment).bind(PHASE_TIMEOUT, Duration.class).orElse(DEFAULT_PHASE_TIMEOUT);
        Duration margin = phase.compareTo(Duration.ofSeconds(10)) < 0 ? phase.dividedBy(2) : Duration.ofSeconds(5);
        Duration limit = phase.minus(margin);
        return configured == null || configured.compareTo(limit) > 0 ? limit : configured;
    }
}
