package io.github.tiktokevents.examples.checkout;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README's Spring Boot snippets true: each is a marked region of this application's sources, word for
 * word, so they compile with it and its tests run them.
 */
class ReadmeSpringBootSnippetTest {
    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path SOURCES = MODULE.resolve("src/main/java/io/github/tiktokevents/examples/checkout");

    @Test
    void theApplicationYamlIsTheExamples() throws IOException {
        assertThat(readmeBlock("The example application's `application.yml`", "```yaml\n"))
                .isEqualTo(region(MODULE.resolve("src/main/resources/application.yml"), "# ", "application.yml"));
    }

    @Test
    void theCheckoutIsTheExamples() throws IOException {
        assertThat(readmeBlock("inject the processor where events happen:", "```java\n"))
                .isEqualTo(region(SOURCES.resolve("CheckoutController.java"), "// ", "Spring Boot checkout"));
    }

    @Test
    void theCustomizersAreTheExamples() throws IOException {
        assertThat(readmeBlock("health contributor):", "```java\n"))
                .isEqualTo(region(SOURCES.resolve("TikTokCustomizers.java"), "// ", "Spring Boot customizers"));
    }

    private static String readmeBlock(String after, String fence) throws IOException {
        String readme = Files.readString(MODULE.resolve("../../README.md"), StandardCharsets.UTF_8);
        int at = readme.indexOf(after);
        assertThat(at).as("README text: " + after).isNotNegative();
        int start = readme.indexOf(fence, at) + fence.length();
        return readme.substring(start, readme.indexOf("```\n", start));
    }

    private static String region(Path file, String comment, String name) throws IOException {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        String begin = comment + "README \"" + name + "\" begins\n";
        int start = source.indexOf(begin);
        assertThat(start).as(begin).isNotNegative();
        start += begin.length();
        // up to the end marker itself: its indentation is the region's, which stripIndent removes from every line
        int end = source.indexOf(comment + "README \"" + name + "\" ends");
        return source.substring(start, end).stripIndent();
    }
}
