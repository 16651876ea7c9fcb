package io.github.tiktokevents.client.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Finds and reads {@code spec/tiktok-events-api.yaml}, the file the generator reads.
 *
 * <p>The build passes its path as the system property {@code tiktok.spec}; a run from an IDE falls back to looking
 * for {@code spec/} in the working directory and its parents.
 *
 * <pre>{@code
 * JsonNode document = SpecFile.readTree();
 * }</pre>
 */
public final class SpecFile {
    private static final String RELATIVE = "spec/tiktok-events-api.yaml";

    private SpecFile() {
    }

    /**
     * Returns the path of the spec.
     *
     * @return the spec's absolute path
     * @throws IllegalStateException if the spec cannot be found
     */
    public static Path path() {
        String configured = System.getProperty("tiktok.spec");
        if (configured != null && !configured.isBlank() && Files.isRegularFile(Paths.get(configured))) {
            return Paths.get(configured).toAbsolutePath();
        }
        for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(RELATIVE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("cannot find " + RELATIVE + " (set -Dtiktok.spec=<path>)");
    }

    /**
     * Reads the spec as a JSON tree.
     *
     * @return the whole OpenAPI document
     */
    public static JsonNode readTree() {
        return parseYaml(read());
    }

    /**
     * Reads the spec's text.
     *
     * @return the YAML text of the spec
     */
    public static String read() {
        try {
            return Files.readString(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Parses YAML (or JSON, a subset of it) into a tree.
     *
     * @param yaml the text
     * @return its tree
     */
    public static JsonNode parseYaml(String yaml) {
        return YAMLMapper.builder().build().readTree(yaml);
    }
}
