package io.github.tiktokevents.outbox.local;

import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.outbox.RefusedEvent;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The local outbox: a durable processor's events in a directory you name, in an SQLite database written ahead
 * (WAL). An event is stored before {@code enqueue} returns, and stays until TikTok accepted it or refused it for
 * good, so {@code kill -9}, an out-of-memory kill or an evicted container loses nothing: the next processor on the
 * directory sends whatever was left.
 *
 * <pre>{@code
 * Outbox outbox = LocalOutbox.builder(Path.of("/var/lib/shop/tiktok-outbox"))
 *         .durability(LocalOutbox.Durability.GROUPED)   // the default
 *         .build();
 * EventProcessor processor = tiktok.processor(ProcessorOptions.defaults(), outbox);
 * }</pre>
 *
 * <ul>
 *   <li><b>Durability</b>: {@link Durability#EACH_EVENT} forces every event to disk before {@code enqueue} returns
 *       (callers storing at the same moment share one write); {@link Durability#GROUPED} returns once the event is
 *       written to the operating system, which keeps it through a crash of the process, and forces the log to disk
 *       every {@link Builder#syncInterval(Duration) syncInterval} (10 ms by default), so a power cut loses at most
 *       that interval.</li>
 *   <li><b>A torn write</b> at the end of the log (the process died mid-write) is skipped when the outbox opens,
 *       with a warning; everything stored before it is kept. The torn event's {@code enqueue} had not returned.</li>
 *   <li><b>Size</b>: at most {@link Builder#capacity(int) capacity} events and {@link Builder#capacityBytes(long)
 *       capacityBytes} bytes stored and unfinished; beyond that the processor applies its {@code queueFullPolicy}.
 *       Refused events are kept apart and do not count.</li>
 *   <li><b>Privacy</b>: a directory the outbox creates is readable by its owner only ({@code rwx------}) where the
 *       file system has POSIX permissions: stored events hold what is sent unhashed (IP address, user agent, page
 *       URL). A directory that exists already keeps its permissions.</li>
 *   <li><b>One process per directory</b>: opening takes an exclusive lock on {@code outbox.lock}; a second process
 *       (or a second outbox in this one) is refused with a {@link TikTokConfigurationException} naming the directory.
 *       The operating system drops the lock when the process dies.</li>
 * </ul>
 */
public final class LocalOutbox implements Outbox {
    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.outbox");

    private final Path directory;
    private final DirectoryLock lock;
    private final SqliteStore store;
    private final WalSyncer syncer;
    private final PendingIndex index;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Object readLock = new Object();
    private final Queue<Write> waiting = new ConcurrentLinkedQueue<>();
    private long lastKey;
    private volatile boolean closed;

    /** How far an event is on disk when {@code enqueue} returns. */
    public enum Durability {
        /** Forced to disk: survives a power cut. About a millisecond or more per event, disk-bound. */
        EACH_EVENT,
        /**
         * Written to the operating system (survives {@code kill -9}), forced to disk with the others every
         * {@code syncInterval}: a power cut or kernel crash loses at most that interval. Tens of microseconds.
         */
        GROUPED
    }

    /**
     * Creates the directory, if it is missing, readable by its owner only where the file system has POSIX
     * permissions: stored events hold what is sent unhashed (IP address, user agent, page URL). An existing
     * directory keeps the permissions it was given.
     */
    private static void createPrivately(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        Path parent = directory.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            try {
                Files.createDirectory(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // another thread or process made it first: fine, as long as it is a directory (checked below)
            }
        }
        Files.createDirectories(directory);
    }

    private LocalOutbox(Builder builder) {
        // normalised: a/b/../c with b missing, or a path ending in ".", names the directory that is made and used
        this.directory = builder.directory.toAbsolutePath().normalize();
        try {
            createPrivately(directory);
        } catch (IOException e) {
            throw new TikTokConfigurationException("Cannot create the outbox directory " + directory + ": " + e.getMessage());
        }
        this.lock = DirectoryLock.take(directory);
        try {
            Path wal = directory.resolve(SqliteStore.FILE + "-wal");
            long torn = TornTail.tornBytes(wal);
            if (torn > 0) {
                LOG.log(System.Logger.Level.WARNING, "The outbox log " + wal + " ends in a write cut short by a crash ("
                        + torn + " bytes); it is skipped. Its event's enqueue had not returned; everything stored "
                        + "before it is kept.");
            }
            this.store = SqliteStore.open(directory, builder.durability == Durability.EACH_EVENT);
            this.index = new PendingIndex(builder.capacity, builder.capacityBytes);
            this.lastKey = store.loadPending(row -> index.stored(row.source(), row.key(), row.bytes(), false));
            this.syncer = builder.durability == Durability.GROUPED
                    ? new WalSyncer(wal, builder.syncInterval, "tiktok-events-outbox-sync") : null;
        } catch (RuntimeException | Error e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Starts a local outbox in the given directory (made if missing).
     *
     * @param directory a directory of this process's own
     * @return a builder
     */
    public static Builder builder(Path directory) {
        return new Builder(Objects.requireNonNull(directory, "directory"));
    }

    /** One event waiting to be written, and what became of it. */
    private static final class Write {
        final OutboxEvent event;
        volatile boolean done;
        volatile RuntimeException error;

        Write(OutboxEvent event) {
            this.event = event;
        }
    }

    @Override
    public boolean store(OutboxEvent event) {
        Objects.requireNonNull(event, "event");
        checkOpen();
        int size = event.bodyLength();
        if (!index.reserve(size)) {
            return false;
        }
        Write write = new Write(event);
        waiting.add(write);
        writeLock.lock();
        try {
            if (!write.done) {
                writeWaiting(); // group commit: this caller writes every event waiting, its own among them
            }
        } finally {
            writeLock.unlock();
        }
        if (write.error != null) {
            index.unreserve(size);
            throw write.error;
        }
        return true;
    }

    /** Under the write lock: every waiting event in one transaction, then each caller learns its outcome. */
    private void writeWaiting() {
        List<Write> batch = new ArrayList<>();
        Write next;
        while ((next = waiting.poll()) != null) {
            batch.add(next);
        }
        List<OutboxEvent> events = new ArrayList<>(batch.size());
        long[] keys = new long[batch.size()];
        for (int i = 0; i < batch.size(); i++) {
            events.add(batch.get(i).event);
            keys[i] = lastKey + 1 + i;
        }
        RuntimeException error = null;
        try {
            if (closed) {
                throw new TikTokException("The outbox in " + directory + " is closed");
            }
            store.insert(events, keys);
            lastKey += batch.size();
            if (syncer != null) {
                syncer.committed();
            }
            for (int i = 0; i < batch.size(); i++) {
                index.stored(events.get(i).source(), keys[i], events.get(i).bodyLength(), true);
            }
        } catch (RuntimeException e) {
            error = e;
        }
        for (Write write : batch) {
            write.error = error;
            write.done = true;
        }
    }

    @Override
    public List<OutboxEvent> claim(EventSource source, int max) {
        checkOpen();
        List<Long> keys = index.claim(source, max);
        if (keys.isEmpty()) {
            return List.of();
        }
        synchronized (readLock) {
            try {
                return store.read(keys);
            } catch (RuntimeException e) {
                index.release(source, keys);
                throw e;
            }
        }
    }

    @Override
    public void delivered(List<OutboxEvent> events) {
        List<Long> keys = keys(events);
        write(() -> store.delete(keys, false));
        index.finished(keys);
    }

    @Override
    public void refused(List<RefusedEvent> refusals) {
        List<OutboxEvent> events = new ArrayList<>(refusals.size());
        refusals.forEach(refusal -> events.add(refusal.event()));
        write(() -> store.refuse(refusals));
        index.finished(keys(events));
    }

    @Override
    public void release(List<OutboxEvent> events) {
        for (OutboxEvent event : events) {
            index.release(event.source(), List.of(event.key()));
        }
    }

    @Override
    public long size() {
        return index.count();
    }

    @Override
    public List<RefusedEvent> refusals(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1, was " + max);
        }
        checkOpen();
        synchronized (readLock) {
            return store.refusals(max);
        }
    }

    @Override
    public void forget(List<RefusedEvent> refusals) {
        List<Long> keys = new ArrayList<>(refusals.size());
        refusals.forEach(refusal -> keys.add(refusal.event().key()));
        write(() -> store.delete(keys, true));
    }

    /** Stops the log's syncing (forcing it a last time), closes the database and releases the directory's lock. */
    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
        } finally {
            writeLock.unlock();
        }
        try {
            if (syncer != null) {
                syncer.close();
            }
            synchronized (readLock) {
                writeLock.lock();
                try {
                    store.close();
                } finally {
                    writeLock.unlock();
                }
            }
        } finally {
            lock.close();
        }
    }

    /** @return the directory, never the events */
    @Override
    public String toString() {
        return "LocalOutbox{" + directory + ", " + index.count() + " stored}";
    }

    private void write(Runnable change) {
        writeLock.lock();
        try {
            checkOpen();
            change.run();
            if (syncer != null) {
                syncer.committed();
            }
        } finally {
            writeLock.unlock();
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new TikTokException("The outbox in " + directory + " is closed");
        }
    }

    private static List<Long> keys(List<OutboxEvent> events) {
        List<Long> keys = new ArrayList<>(events.size());
        events.forEach(event -> keys.add(event.key()));
        return keys;
    }

    /** Settings of a {@link LocalOutbox}; {@link #build()} opens it. */
    public static final class Builder {
        private final Path directory;
        private Durability durability = Durability.GROUPED;
        private Duration syncInterval = Duration.ofMillis(10);
        private int capacity = 100_000;
        private long capacityBytes = 256L * 1024 * 1024;

        private Builder(Path directory) {
            this.directory = directory;
        }

        /**
         * How far an event is on disk when {@code enqueue} returns; {@link Durability#GROUPED} by default.
         *
         * @param durability the durability
         * @return this builder
         */
        public Builder durability(Durability durability) {
            this.durability = Objects.requireNonNull(durability, "durability");
            return this;
        }

        /**
         * With {@link Durability#GROUPED}, how often the log is forced to disk; 10 ms by default.
         *
         * @param syncInterval from 1 ms to 1 s
         * @return this builder
         */
        public Builder syncInterval(Duration syncInterval) {
            Objects.requireNonNull(syncInterval, "syncInterval");
            if (syncInterval.toMillis() < 1 || syncInterval.compareTo(Duration.ofSeconds(1)) > 0) {
                throw new IllegalArgumentException("syncInterval must be from 1 ms to 1 s, was " + syncInterval);
            }
            this.syncInterval = syncInterval;
            return this;
        }

        /**
         * The most events stored and unfinished; 100,000 by default.
         *
         * @param capacity at least 1
         * @return this builder
         */
        public Builder capacity(int capacity) {
            if (capacity < 1) {
                throw new IllegalArgumentException("capacity must be at least 1, was " + capacity);
            }
            this.capacity = capacity;
            return this;
        }

        /**
         * The most bytes of events stored and unfinished (their JSON); 256 MiB by default.
         *
         * @param capacityBytes at least 1
         * @return this builder
         */
        public Builder capacityBytes(long capacityBytes) {
            if (capacityBytes < 1) {
                throw new IllegalArgumentException("capacityBytes must be at least 1, was " + capacityBytes);
            }
            this.capacityBytes = capacityBytes;
            return this;
        }

        /**
         * Opens the outbox: takes the directory's lock, recovers the database (skipping a torn last write) and
         * indexes what an earlier process left, which the processor then sends first.
         *
         * @return the open outbox
         * @throws TikTokConfigurationException if the directory cannot be made or another process holds it
         * @throws TikTokException if the database cannot be opened
         */
        public LocalOutbox build() {
            return new LocalOutbox(this);
        }
    }
}
