package io.github.tiktokevents.spring.internal;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;

/**
 * The {@link HealthReport} in Spring Boot 3's health API ({@code org.springframework.boot.actuate.health}).
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 */
public final class Boot3HealthIndicator implements HealthIndicator {
    private final Supplier<HealthReport> report;

    /** @param report reads the current state */
    public Boot3HealthIndicator(Supplier<HealthReport> report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public Health health() {
        HealthReport current = report.get();
        return Health.status(current.status()).withDetails(current.details()).build();
    }
}
