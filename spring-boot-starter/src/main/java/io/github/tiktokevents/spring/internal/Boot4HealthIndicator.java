package io.github.tiktokevents.spring.internal;

import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@link HealthReport} in Spring Boot 4's health API ({@code org.springframework.boot.health.contributor}, module spring-boot-health).
 *
 * <p>Internal: not part of the starter's API; it may change or disappear in any release.
 */
public final class Boot4HealthIndicator implements HealthIndicator {
    private final Supplier<HealthReport> report;

    /** @param report reads the current state */
    public Boot4HealthIndicator(Supplier<HealthReport> report) {
        this.report = Objects.requireNonNull(report, "report");
    }

    @Override
    public Health health() {
        HealthReport current = report.get();
        return Health.status(current.status()).withDetails(current.details()).build();
    }
}
