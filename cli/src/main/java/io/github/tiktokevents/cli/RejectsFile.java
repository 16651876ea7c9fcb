package io.github.tiktokevents.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.io.BufferedWriter;
import java.io.Writer;
import java.util.List;
import java.util.Set;

/**
 * The rejects file: each refused row as it was read, plus the reason in columns (CSV) or a member (JSON lines) named
 * {@code tiktok_reject...}, which a later upload ignores, so the corrected file can be uploaded again. It holds no
 * more personal data than the input did: the row as given and reasons that never quote values. Created readable by
 * its owner only. Resumable: {@link #open} cuts it back to the length a checkpoint recorded, so a row is never
 * listed twice.
 */
abstract class RejectsFile implements Closeable {
    private final FileChannel channel;
    private final Writer writer;
    private long rows;

    RejectsFile(FileChannel channel) {
        this.channel = channel;
        this.writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
    }

    /**
     * Opens the rejects file for appending.
     *
     * @param path the file
     * @param format the input's format, which the file follows
     * @param header the CSV header, or null for JSON lines
     * @param keepBytes the length to keep (from a checkpoint), or 0 to start afresh
     */
    static RejectsFile open(Path path, InputFormat format, List<String> header, long keepBytes) throws IOException {
        FileChannel channel = FileChannel.open(path, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                ownerOnly());
        channel.truncate(keepBytes);
        channel.position(keepBytes);
        RejectsFile file = format == InputFormat.CSV ? new CsvRejectsFile(channel, header) : new JsonLinesRejectsFile(channel);
        if (keepBytes == 0) {
            file.writeHeader();
        }
        return file;
    }

    private static FileAttribute<?>[] ownerOnly() {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
        }
        return new FileAttribute<?>[0];
    }

    /** Writes one rejected row. */
    final void write(Reject reject) throws IOException {
        writeRow(writer, reject);
        rows++;
    }

    /** The rows written by this run. */
    final long rows() {
        return rows;
    }

    /**
     * Writes everything through to the disk, for a checkpoint.
     *
     * @return the file's length, which a resumed run keeps
     */
    final long sync() throws IOException {
        writer.flush();
        channel.force(false);
        return channel.position();
    }

    /** Writes the header, for a new file. */
    abstract void writeHeader() throws IOException;

    /** Writes one row with its reason. */
    abstract void writeRow(Writer out, Reject reject) throws IOException;

    /** The writer, for the header. */
    final Writer writer() {
        return writer;
    }

    @Override
    public void close() throws IOException {
        try {
            sync();
        } finally {
            channel.close();
        }
    }
}
