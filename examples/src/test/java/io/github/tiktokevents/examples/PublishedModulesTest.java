package io.github.tiktokevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What a release uploads. The Central Portal's plugin ignores {@code maven.deploy.skip}, so the root pom lists the
 * modules it must leave out in {@code excludeArtifacts}; a module that skips deploying but is missing from that list
 * would be uploaded without its sources and javadoc jars, and Central would refuse the whole deployment.
 */
class PublishedModulesTest {
    private static final Path ROOT = Path.of("..");
    private static final Pattern PARENT = Pattern.compile("<parent>.*?</parent>", Pattern.DOTALL);
    private static final Pattern ARTIFACT_ID = Pattern.compile("<artifactId>([^<]+)</artifactId>");
    private static final Pattern EXCLUDED = Pattern.compile("<excludeArtifacts>([^<]+)</excludeArtifacts>");

    @Test
    void everyModuleThatSkipsDeployingIsLeftOutOfTheCentralUpload() throws IOException {
        Set<String> skipping = new TreeSet<>();
        Set<String> all = new TreeSet<>();
        try (Stream<Path> poms = Files.walk(ROOT)) {
            for (Path pom : poms.filter(p -> p.getFileName().toString().equals("pom.xml"))
                    .filter(p -> !p.toString().contains("target") && !p.toString().contains("node_modules"))
                    .toList()) {
                String text = Files.readString(pom);
                Matcher id = ARTIFACT_ID.matcher(PARENT.matcher(text).replaceFirst(""));
                assertThat(id.find()).as(pom.toString()).isTrue();
                all.add(id.group(1));
                if (text.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
                    skipping.add(id.group(1));
                }
            }
        }
        Matcher excluded = EXCLUDED.matcher(Files.readString(ROOT.resolve("pom.xml")));
        assertThat(excluded.find()).isTrue();
        Set<String> excludedIds = Arrays.stream(excluded.group(1).split(",")).map(String::trim)
                .collect(Collectors.toCollection(TreeSet::new));

        assertThat(all).contains("tiktok-events", "tiktok-events-test-support");
        assertThat(excludedIds).isEqualTo(skipping);
    }
}
