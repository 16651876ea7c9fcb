package io.github.tiktokevents.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A SHA-256 of a file's first 64 KiB: enough to notice that a checkpoint's file name now holds another export,
 * cheap on a file of any size, and unchanged when rows are appended to a large file.
 */
final class InputFingerprint {
    private static final int PREFIX_BYTES = 64 * 1024;

    private InputFingerprint() {
    }

    static String of(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] prefix = in.readNBytes(PREFIX_BYTES);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(prefix));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
