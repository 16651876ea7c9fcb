package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDK's public API (its five API packages, the event model generated from the spec included) is committed as
 * text in {@code facade/api/tiktok-events.api}, and every build compares the compiled classes with it. A change to
 * the API therefore fails the build until the file is updated, and the file's diff shows the change in review.
 *
 * <p>To accept a deliberate change, from the repository root:
 * <pre>{@code
 * mvn -B -ntp -pl facade -am verify -Dtest=PublicApiBaselineTest -Dsurefire.failIfNoSpecifiedTests=false -Dtiktok.api.update=true
 * }</pre>
 * then commit the file with the change.
 */
class PublicApiBaselineTest {
    /** Relative to the facade module, Surefire's working directory. */
    static final Path BASELINE = Path.of("api", "tiktok-events.api");
    static final String UPDATE_PROPERTY = "tiktok.api.update";
    static final String UPDATE_COMMAND = "mvn -B -ntp -pl facade -am verify -Dtest=PublicApiBaselineTest"
            + " -Dsurefire.failIfNoSpecifiedTests=false -D" + UPDATE_PROPERTY + "=true";

    @Test
    void thePublicApiMatchesTheCommittedBaseline() throws IOException {
        String current = PublicApiDump.render(TikTokEvents.class);
        if (Boolean.getBoolean(UPDATE_PROPERTY)) {
            Files.createDirectories(BASELINE.toAbsolutePath().getParent());
            Files.writeString(BASELINE, current, StandardCharsets.UTF_8);
            System.out.println("Wrote the public API baseline to " + BASELINE.toAbsolutePath() + ": commit it.");
            return;
        }
        assertThat(BASELINE).as("the committed public API baseline; create it with: " + UPDATE_COMMAND).exists();
        String baseline = Files.readString(BASELINE, StandardCharsets.UTF_8);
        List<String> differences = PublicApiDiff.differences(baseline, current);
        assertThat(differences)
                .as("The public API of tiktok-events differs from %s (- baseline, + this build).%n"
                        + "If the change is deliberate, update the baseline and commit it with the change:%n  %s%n"
                        + "Differences:%n%s%n", BASELINE, UPDATE_COMMAND, String.join("\n", differences))
                .isEmpty();
        // a reordering or formatting change of the dump itself still shows as a file change
        assertThat(current).as("the baseline's exact text; " + UPDATE_COMMAND).isEqualTo(baseline);
    }

    @Test
    void theDumpNamesTheEntryPointsAndLeavesInternalsOut() throws IOException {
        String current = PublicApiDump.render(TikTokEvents.class);
        assertThat(current)
                .contains("public final class io.github.tiktokevents.TikTokEvents implements java.lang.AutoCloseable")
                .contains("  public static io.github.tiktokevents.TikTokEventsBuilder builder()")
                .contains("class io.github.tiktokevents.event.Event")
                .doesNotContain("io.github.tiktokevents.internal.")
                .doesNotContain("io.github.tiktokevents.client.model");
    }

    @Test
    void aChangedSignatureIsNamedUnderItsType() {
        String baseline = """
                public final class io.github.tiktokevents.TikTokEvents implements java.lang.AutoCloseable
                  public io.github.tiktokevents.SendResult send(io.github.tiktokevents.event.Event)
                  public void close()

                public final class io.github.tiktokevents.Gone

                """;
        String current = """
                public final class io.github.tiktokevents.New

                public final class io.github.tiktokevents.TikTokEvents implements java.lang.AutoCloseable
                  public io.github.tiktokevents.SendResult send(io.github.tiktokevents.event.Event, int)
                  public void close()

                """;
        assertThat(PublicApiDiff.differences(baseline, current)).containsExactly(
                "- public final class io.github.tiktokevents.Gone   (type removed)",
                "+ public final class io.github.tiktokevents.New   (type added)",
                "  in public final class io.github.tiktokevents.TikTokEvents implements java.lang.AutoCloseable:",
                "-     public io.github.tiktokevents.SendResult send(io.github.tiktokevents.event.Event)",
                "+     public io.github.tiktokevents.SendResult send(io.github.tiktokevents.event.Event, int)");
    }
}
