package io.github.tiktokevents.outbox.local;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@link LocalOutbox.Durability#GROUPED}: SQLite commits without waiting for the disk, and this thread forces the
 * write-ahead log to disk every interval when something was committed since. A commit is in the operating system's
 * cache the moment it returns, so killing the process loses nothing; a power cut or a kernel crash loses at most the
 * last interval. An {@code fsync} on any descriptor of the file flushes it, so the log is forced through a channel of
 * our own.
 */
final class WalSyncer implements AutoCloseable {
    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.outbox");

    private final Path wal;
    private final long intervalNanos;
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final Thread thread;
    private volatile boolean stopped;
    private FileChannel channel;

    WalSyncer(Path wal, Duration interval, String threadName) {
        this.wal = wal;
        this.intervalNanos = interval.toNanos();
        this.thread = new Thread(this::run, threadName);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Something was committed: force the log at the next tick. */
    void committed() {
        dirty.set(true);
    }

    private void run() {
        while (!stopped) {
            try {
                TimeUnit.NANOSECONDS.sleep(intervalNanos);
            } catch (InterruptedException interrupted) {
                break;
            }
            syncNow();
        }
    }

    /** Forces the log now if anything was committed since the last time. */
    synchronized void syncNow() {
        if (!dirty.getAndSet(false)) {
            return;
        }
        try {
            if (channel == null) {
                if (!Files.exists(wal)) {
                    return;
                }
                channel = FileChannel.open(wal, StandardOpenOption.WRITE);
            }
            channel.force(false);
        } catch (IOException e) {
            dirty.set(true);
            LOG.log(System.Logger.Level.WARNING, "Could not force the outbox log " + wal + " to disk: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        stopped = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        syncNow();
        synchronized (this) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // forced already
                }
                channel = null;
            }
        }
    }
}
