package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.outbox.jdbc.JdbcOutbox;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcConnectionPool;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The transactional outbox ({@link JdbcOutbox} on an embedded H2 file database, through H2's connection pool) beside
 * the in-memory processor, in the same run, against {@link LoopbackTikTok}:
 *
 * <ul>
 *   <li>Enqueue cost, sampled per call (median and 99th percentile): {@code memoryEnqueue} is
 *       {@code EventProcessor.enqueue} into memory; {@code jdbcEnqueue} the same call on a processor over the outbox
 *       (an insert committed in a transaction of its own); {@code jdbcAddInTransaction} what a caller pays in its own
 *       transaction: a connection from the pool, {@code outbox.add(connection, event)} and the commit. The relays
 *       keep delivering meanwhile.</li>
 *   <li>End to end, {@value #EVENTS} events per invocation (events per second = {@value #EVENTS} / time):
 *       {@code memoryEndToEnd} enqueues them and flushes; {@code jdbcEndToEnd} adds them in transactions of
 *       {@value #PER_TRANSACTION}, as an application writing orders would, and returns once the server has received
 *       them all through the outbox's relay.</li>
 * </ul>
 * H2 writes its file without an fsync per commit, so these figures are the SDK's and JDBC's cost, not a disk's; a
 * server database adds its commit latency to {@code jdbcEnqueue} and {@code jdbcAddInTransaction}.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class JdbcOutboxBenchmark {
    /** Events per end-to-end invocation. */
    static final int EVENTS = 5_000;
    /** Events per caller transaction in {@code jdbcEndToEnd}. */
    static final int PER_TRANSACTION = 100;

    /** A loopback server, a client, an H2 file database with the outbox table, and both processors. */
    @State(Scope.Benchmark)
    public static class Outboxes {
        LoopbackTikTok server;
        TikTokEvents tiktok;
        Path dir;
        JdbcConnectionPool pool;
        JdbcOutbox outbox;
        EventProcessor memory;
        EventProcessor jdbc;
        Event event;
        List<Event> events;

        /**
         * Starts the server, the database and the processors.
         *
         * @throws IOException if the server or the database directory cannot be made
         */
        @Setup(Level.Trial)
        public void start() throws IOException {
            server = LoopbackTikTok.start();
            tiktok = TikTokEvents.builder().accessToken("bench-token").pixelCode(QuickStartJson.PIXEL)
                    .baseUrl(server.baseUrl()).build();
            dir = Files.createTempDirectory("jdbc-outbox-bench");
            pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("outbox"), "sa", "");
            pool.setMaxConnections(16);
            outbox = JdbcOutbox.builder(pool).build();
            outbox.createTable();
            ProcessorOptions options = ProcessorOptions.builder()
                    .queueCapacity(10_000_000)
                    .queueCapacityBytes(Long.MAX_VALUE)
                    .queueFullPolicy(QueueFullPolicy.REJECT)
                    .maxDelay(Duration.ofMillis(50))
                    .listener((eventId, error) -> { })
                    .drainOnShutdown(false)
                    .build();
            memory = tiktok.processor(options);
            jdbc = tiktok.processor(options, outbox);
            event = QuickStartEvent.build("123456789");
            events = new ArrayList<>(EVENTS);
            for (int i = 0; i < EVENTS; i++) {
                events.add(QuickStartEvent.build("order-" + i));
            }
        }

        /**
         * Stops everything and deletes the database.
         *
         * @throws IOException if the database files cannot be deleted
         */
        @TearDown(Level.Trial)
        public void stop() throws IOException {
            tiktok.close();
            pool.dispose();
            server.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * One event into the in-memory processor.
     *
     * @param o the processors
     * @return whether it was accepted
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public boolean memoryEnqueue(Outboxes o) {
        return o.memory.enqueue(o.event);
    }

    /**
     * One event into the processor over the JDBC outbox: stored and committed before the call returns.
     *
     * @param o the processors
     * @return whether it was accepted
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public boolean jdbcEnqueue(Outboxes o) {
        return o.jdbc.enqueue(o.event);
    }

    /**
     * One event added in the caller's own transaction: connection, add, commit.
     *
     * @param o the processors
     * @throws SQLException if the database fails
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    @Warmup(iterations = 3, time = 1)
    @Measurement(iterations = 5, time = 1)
    public void jdbcAddInTransaction(Outboxes o) throws SQLException {
        try (Connection c = o.pool.getConnection()) {
            c.setAutoCommit(false);
            o.outbox.add(c, o.event);
            c.commit();
        }
    }

    /**
     * {@value #EVENTS} events through the in-memory processor, until all are delivered.
     *
     * @param o the processors
     * @return whether all were delivered
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public boolean memoryEndToEnd(Outboxes o) {
        for (Event e : o.events) {
            o.memory.enqueue(e);
        }
        return o.memory.flush();
    }

    /**
     * {@value #EVENTS} events added in transactions of {@value #PER_TRANSACTION} and relayed from the table, until
     * the server has received them all. The table is empty at the start of the trial (each benchmark runs in its own
     * fork), and each invocation waits for its own events.
     *
     * @param o the processors
     * @return the server's event count
     * @throws Exception if the database fails or the wait is interrupted
     */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public long jdbcEndToEnd(Outboxes o) throws Exception {
        long target = o.server.events() + EVENTS;
        try (Connection c = o.pool.getConnection()) {
            c.setAutoCommit(false);
            for (int from = 0; from < EVENTS; from += PER_TRANSACTION) {
                o.outbox.add(c, o.events.subList(from, from + PER_TRANSACTION));
                c.commit();
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (o.server.events() < target) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the relay delivered " + (o.server.events() - target + EVENTS)
                        + " of " + EVENTS + " events in 2 minutes");
            }
            Thread.sleep(1);
        }
        return o.server.events();
    }
}
