package io.github.tiktokevents.outbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.Event;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two application instances (child JVMs running {@link RelayMain}) relay one PostgreSQL outbox table to the emulator;
 * one is killed with SIGKILL while it holds claimed rows. Every committed event still arrives, none from a rolled-back
 * transaction does, and the table ends empty.
 */
class RelayCrashTest {
    static final String PIXEL = "CE3VQJJC77U1234ABCD0";
    private static final int COMMITTED = 4_000;
    private static final int PER_TRANSACTION = 100;
    private static final long LEASE_MILLIS = 6_000;

    @TempDir
    Path dir;

    private TikTokEmulator emulator;
    private final List<Process> children = new ArrayList<>();

    @BeforeEach
    void start() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterEach
    void stop() throws Exception {
        for (Process child : children) {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        emulator.close();
    }

    @Test
    void aRelayKilledMidRunLosesNothingAndRolledBackEventsNeverLeave() throws Exception {
        EmbeddedPostgres postgres = TestDatabases.postgres();
        DataSource dataSource = postgres.getPostgresDatabase();
        String table = TestDatabases.newTable();
        JdbcOutbox outbox = JdbcOutbox.builder(dataSource).table(table).build();
        outbox.createTable();
        Set<String> committed = addOrders(outbox, dataSource);
        // slow answers keep both relays busy long enough for one to be killed holding claims
        emulator.faults().every(1, Fault.delay(Duration.ofMillis(100)));

        String url = postgres.getJdbcUrl("postgres", "postgres");
        Process doomed = relay(url, table, "a");
        Process survivor = relay(url, table, "b");
        awaitEvents(COMMITTED / 4);
        doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no release of its claims
        assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
        int arrivedAtKill = emulator.events().size();
        emulator.faults().clear();

        awaitTableEmpty(outbox, survivor);
        Map<String, Integer> copies = new HashMap<>();
        for (RecordedEvent event : emulator.events()) {
            copies.merge(event.eventId(), 1, Integer::sum);
        }
        long twice = copies.values().stream().filter(n -> n > 1).count();
        System.out.printf("RelayCrashTest: %d events committed, %d arrived before the kill, %d distinct arrived,"
                + " %d arrived more than once (at most %d copies)%n", committed.size(), arrivedAtKill, copies.size(),
                twice, copies.values().stream().mapToInt(Integer::intValue).max().orElse(0));
        assertThat(arrivedAtKill).as("killed mid-run").isLessThan(COMMITTED);
        assertThat(copies.keySet()).as("every committed event, and nothing rolled back").isEqualTo(committed);
        assertThat(copies.values()).as("copies of each event").allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(2));
        assertThat(outbox.refusals(10)).isEmpty();
    }

    /** Orders committed in transactions of 100, with a rolled-back transaction of 10 after every fourth one. */
    private static Set<String> addOrders(JdbcOutbox outbox, DataSource dataSource) throws Exception {
        Set<String> committed = new HashSet<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            for (int tx = 0; tx < COMMITTED / PER_TRANSACTION; tx++) {
                List<Event> events = new ArrayList<>();
                for (int i = 0; i < PER_TRANSACTION; i++) {
                    String id = "order-" + (tx * PER_TRANSACTION + i);
                    events.add(TestEvents.web(id));
                    committed.add(id);
                }
                outbox.add(c, events);
                c.commit();
                if (tx % 4 == 0) {
                    for (int i = 0; i < 10; i++) {
                        outbox.add(c, TestEvents.web("rolled-back-" + tx + "-" + i));
                    }
                    c.rollback();
                }
            }
        }
        return committed;
    }

    private Process relay(String url, String table, String name) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                RelayMain.class.getName(), url, table, emulator.baseUrl(), emulator.accessToken(),
                Long.toString(LEASE_MILLIS));
        builder.redirectOutput(dir.resolve(name + ".out").toFile()).redirectError(dir.resolve(name + ".err").toFile());
        Process child = builder.start();
        children.add(child);
        return child;
    }

    /** Polls (up to two minutes) until the emulator has received at least {@code n} events. */
    private void awaitEvents(int n) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (emulator.events().size() < n) {
            assertThat(System.nanoTime()).as(() -> "the relays did not deliver " + n + " events: " + logs())
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Polls (up to three minutes: the dead relay's lease must pass first) until no row is left. */
    private void awaitTableEmpty(JdbcOutbox outbox, Process survivor) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (outbox.size() > 0) {
            assertThat(survivor.isAlive()).as(() -> "the surviving relay ended: " + logs()).isTrue();
            assertThat(System.nanoTime()).as(() -> outbox.size() + " rows left: " + logs()).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private String logs() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("a", "b")) {
            try {
                text.append('\n').append(name).append(": ").append(Files.readString(dir.resolve(name + ".err")));
            } catch (IOException e) {
                text.append('\n').append(name).append(": ").append(e);
            }
        }
        return text.toString();
    }
}
