package io.github.tiktokevents.outbox.local;

import io.github.tiktokevents.exception.TikTokConfigurationException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The exclusive lock that keeps a second process (or a second outbox in this one) out of an outbox directory: an
 * operating-system lock on {@code outbox.lock}, which the system drops when the process dies, even by {@code kill -9},
 * so a crashed process never leaves the directory locked.
 */
final class DirectoryLock implements AutoCloseable {
    static final String FILE = "outbox.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock, or says who cannot have it.
     *
     * @param directory the outbox directory, existing
     * @return the held lock
     * @throws TikTokConfigurationException if another process or another open outbox holds it
     */
    static DirectoryLock take(Path directory) {
        Path file = directory.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new TikTokConfigurationException("Cannot open the outbox lock file " + file + ": " + e.getMessage());
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException inThisJvm) {
            lock = null;
        } catch (IOException e) {
            closeQuietly(channel);
            throw new TikTokConfigurationException("Cannot lock the outbox directory " + directory + ": " + e.getMessage());
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new TikTokConfigurationException("The outbox directory " + directory + " is in use by another "
                    + "process (or another open LocalOutbox): it holds the lock on " + file + ". Each process needs "
                    + "a directory of its own.");
        }
        return new DirectoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
