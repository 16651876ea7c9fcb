package io.github.tiktokevents.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootVersion;

/**
 * These tests run twice: in this module on Spring Boot 3.5, and in spring-boot-starter-boot4 on Boot 4.0. This
 * test makes sure each run is on the line it claims.
 */
class BootLineTest {
    @Test
    void runsOnTheExpectedSpringBootLine() {
        String expected = System.getProperty("tiktok.expectedBootLine", "3");
        assertThat(SpringBootVersion.getVersion()).startsWith(expected + ".");
    }
}
