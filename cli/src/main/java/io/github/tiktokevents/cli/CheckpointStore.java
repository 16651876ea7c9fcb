package io.github.tiktokevents.cli;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Reads and writes the checkpoint file crash-safely: a new checkpoint is written to a temporary file beside it,
 * forced to disk, then renamed over the old one in one atomic step, so a crash leaves the old checkpoint or the new
 * one, never half of either.
 */
final class CheckpointStore {
    private static final Gson GSON = new Gson();

    private final Path path;
    private final Path temporary;

    CheckpointStore(Path path) {
        this.path = path;
        this.temporary = path.resolveSibling(path.getFileName() + ".tmp");
    }

    /** The checkpoint file. */
    Path path() {
        return path;
    }

    /**
     * The saved checkpoint.
     *
     * @return it, or null when there is none
     * @throws UsageException if the file cannot be read or is not a checkpoint of this version
     */
    Checkpoint read() {
        if (!Files.exists(path)) {
            return null;
        }
        try {
            Checkpoint checkpoint = GSON.fromJson(Files.readString(path, StandardCharsets.UTF_8), Checkpoint.class);
            if (checkpoint == null || checkpoint.version() != Checkpoint.VERSION) {
                throw new UsageException("the checkpoint " + path + " is not a checkpoint of this version;"
                        + " remove it or pass --restart");
            }
            return checkpoint;
        } catch (IOException | JsonParseException e) {
            throw new UsageException("cannot read the checkpoint " + path + " (" + e.getClass().getSimpleName()
                    + "); remove it or pass --restart", e);
        }
    }

    /** Saves a checkpoint atomically. */
    void write(Checkpoint checkpoint) throws IOException {
        byte[] json = GSON.toJson(checkpoint).getBytes(StandardCharsets.UTF_8);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            OutputStream out = java.nio.channels.Channels.newOutputStream(channel);
            out.write(json);
            out.flush();
            channel.force(true);
        }
        try {
            Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, path, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
