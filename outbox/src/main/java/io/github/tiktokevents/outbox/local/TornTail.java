package io.github.tiktokevents.outbox.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Notices a write cut short by a crash at the end of SQLite's write-ahead log. SQLite itself recovers: a transaction
 * counts only once its commit frame is in the log with a valid checksum, so a torn last transaction is dropped and
 * everything committed before it stays. Since an event's {@code enqueue} returns only after its commit, the dropped
 * one was never acknowledged. This check only lets the user know: a log whose length is not a whole number of frames
 * ends in a torn one.
 */
final class TornTail {
    private static final int WAL_HEADER = 32;
    private static final int FRAME_HEADER = 24;

    private TornTail() {
    }

    /**
     * @param wal the database's {@code -wal} file
     * @return the length of the torn frame at its end, or 0 when it ends on a frame boundary (or does not exist)
     */
    static long tornBytes(Path wal) {
        try {
            if (!Files.exists(wal)) {
                return 0;
            }
            long size = Files.size(wal);
            if (size == 0) {
                return 0;
            }
            if (size < WAL_HEADER) {
                return size;
            }
            ByteBuffer header = ByteBuffer.allocate(WAL_HEADER);
            try (FileChannel channel = FileChannel.open(wal, StandardOpenOption.READ)) {
                while (header.hasRemaining() && channel.read(header) >= 0) {
                    // read the whole header
                }
            }
            int pageSize = header.getInt(8); // big-endian, as SQLite writes it
            if (pageSize < 512) {
                return 0; // not a header we understand: leave it to SQLite
            }
            return (size - WAL_HEADER) % (FRAME_HEADER + (long) pageSize);
        } catch (IOException unreadable) {
            return 0;
        }
    }
}
