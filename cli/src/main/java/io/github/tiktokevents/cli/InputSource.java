package io.github.tiktokevents.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the input (a file or standard input) with a byte count for progress. */
final class InputSource {
    private InputSource() {
    }

    /** Opens the input; closing it never closes standard input. */
    static CountingInputStream open(UploadPlan plan, InputStream stdin) throws IOException {
        InputStream raw = plan.input() == null ? new FilterInputStream(stdin) {
            @Override
            public void close() {
                // standard input belongs to the process
            }
        } : Files.newInputStream(plan.input());
        return new CountingInputStream(raw);
    }

    /** The input's size in bytes, or -1 for standard input. */
    static long size(Path input) throws IOException {
        return input == null ? -1 : Files.size(input);
    }
}
