package io.github.tiktokevents.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The project's spec and edited copies of it, as a maintainer would edit it. */
final class SpecCopies {
    private SpecCopies() {
    }

    static Path real() {
        return Path.of(System.getProperty("tiktok.spec", "../spec/tiktok-events-api.yaml"));
    }

    static String text() {
        try {
            return Files.readString(real());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Inserts lines after the line containing {@code anchor} (which must occur once in {@code spec}). */
    static String insertAfter(String spec, String anchor, String... lines) {
        int at = spec.indexOf(anchor);
        if (at < 0 || spec.indexOf(anchor, at + 1) >= 0) {
            throw new IllegalArgumentException("anchor must occur once: " + anchor);
        }
        int lineEnd = spec.indexOf('\n', at) + 1;
        return spec.substring(0, lineEnd) + String.join("\n", lines) + "\n" + spec.substring(lineEnd);
    }

    static Path write(Path dir, String spec) {
        try {
            Path copy = dir.resolve("tiktok-events-api.yaml");
            Files.writeString(copy, spec);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
