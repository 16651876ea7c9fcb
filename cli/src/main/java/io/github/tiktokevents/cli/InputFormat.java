package io.github.tiktokevents.cli;

import java.util.Locale;

/** The two input formats. */
enum InputFormat {
    /** Comma-separated values with a header row (RFC 4180 quoting). */
    CSV("csv"),
    /** One JSON object per line. */
    JSONL("jsonl");

    private final String extension;

    InputFormat(String extension) {
        this.extension = extension;
    }

    /** The file extension of this format, for default file names. */
    String extension() {
        return extension;
    }

    /** The format a file name suggests: {@code .jsonl}, {@code .ndjson} and {@code .json} are JSON lines. */
    static InputFormat fromFileName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".jsonl") || lower.endsWith(".ndjson") || lower.endsWith(".json") ? JSONL : CSV;
    }
}
