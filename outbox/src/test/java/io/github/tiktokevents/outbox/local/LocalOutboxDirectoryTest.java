package io.github.tiktokevents.outbox.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The directory the local outbox keeps events in: private when the outbox makes it, left alone when it exists. */
class LocalOutboxDirectoryTest {
    @TempDir
    Path root;

    @BeforeEach
    void posixOnly() {
        assumeTrue(root.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aDirectoryTheOutboxMakesIsReadableByItsOwnerOnly() throws IOException {
        Path directory = root.resolve("var/lib/shop/tiktok-outbox");
        try (LocalOutbox outbox = LocalOutbox.builder(directory).build()) {
            assertThat(outbox.size()).isZero();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwx------");
    }

    @Test
    void aPathThroughAMissingDirectoryOrEndingInADotIsMadePrivateToo() throws IOException {
        Path viaMissing = root.resolve("missing/../outbox-a");
        Path endingInDot = root.resolve("outbox-b/.");
        for (Path directory : new Path[] {viaMissing, endingInDot}) {
            try (LocalOutbox outbox = LocalOutbox.builder(directory).build()) {
                assertThat(outbox.size()).isZero();
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("outbox-a"))))
                .isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(root.resolve("outbox-b"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aDirectoryThatExistsKeepsItsPermissions() throws IOException {
        Path directory = Files.createDirectory(root.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));
        try (LocalOutbox outbox = LocalOutbox.builder(directory).build()) {
            assertThat(outbox.size()).isZero();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(directory))).isEqualTo("rwxr-x---");
    }
}
