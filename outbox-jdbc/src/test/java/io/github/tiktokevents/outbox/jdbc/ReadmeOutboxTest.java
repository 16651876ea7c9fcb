package io.github.tiktokevents.outbox.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.outbox.jdbc.internal.OutboxDdl;
import io.github.tiktokevents.outbox.jdbc.internal.SqlDialect;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The README's transactional outbox section is true: its snippet is {@link #placeOrder} word for word and delivers
 * the order's event, and its DDL blocks are the resources this module ships.
 */
class ReadmeOutboxTest {
    private static final String BEGIN = "// README \"transactional outbox\" begins\n";
    private static final String END = "// README \"transactional outbox\" ends";

    /** The README's snippet, run on H2: what it takes from its surroundings are the parameters. */
    private static void placeOrder(DataSource dataSource, TikTokEvents tiktok, String orderId, String email,
                                   BigDecimal total) throws SQLException {
        // README "transactional outbox" begins
        // once, at start, on every instance of the application:
        JdbcOutbox outbox = JdbcOutbox.builder(dataSource)            // your application's DataSource
                .table("tiktok_events_outbox")                      // the default
                .build();
        EventProcessor relay = tiktok.processor(ProcessorOptions.defaults(), outbox);   // delivers from the table

        // for each order:
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO orders (id, total) VALUES (?, ?)")) {
                insert.setString(1, orderId);
                insert.setBigDecimal(2, total);
                insert.executeUpdate();
            }
            outbox.add(c, Event.builder(EventNames.PURCHASE)
                    .eventId("order-" + orderId)                    // stable: a resend is deduplicated by TikTok
                    .user(User.builder().email(email).build())
                    .page(Page.of("https://shop.example/checkout"))
                    .properties(Properties.builder().currency("EUR").value(total).build())
                    .build());
            c.commit();                                             // the order and its event, or neither
        }
        // README "transactional outbox" ends
    }

    @Test
    void theSnippetDeliversTheCommittedOrdersEvent() throws Exception {
        DataSource dataSource = TestDatabases.dataSource(SqlDialect.H2);
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE orders (id VARCHAR(32) PRIMARY KEY, total DECIMAL(12, 2))");
        }
        JdbcOutbox.builder(dataSource).build().createTable();
        try (TikTokEmulator emulator = TikTokEmulator.builder().build().start();
             TikTokEvents tiktok = TikTokEvents.builder().accessToken(emulator.accessToken())
                     .pixelCode(RelayCrashTest.PIXEL).baseUrl(emulator.baseUrl()).build()) {
            placeOrder(dataSource, tiktok, "A-1001", "jane@example.com", new BigDecimal("59.90"));

            List<RecordedEvent> events = emulator.awaitEvents(1, Duration.ofSeconds(30));
            assertThat(events).extracting(RecordedEvent::eventId).containsExactly("order-A-1001");
            assertThat(events.get(0).at("/properties/value")).isPresent();
        }
    }

    @Test
    void theReadmeSnippetIsTheCodeAbove() throws IOException {
        String source = Files.readString(moduleDir().resolve(
                "src/test/java/io/github/tiktokevents/outbox/jdbc/ReadmeOutboxTest.java"), StandardCharsets.UTF_8);
        String snippet = between(source, BEGIN, END);
        assertThat(readme()).contains("```java\n" + dedent(snippet.substring(0, snippet.lastIndexOf('\n') + 1)) + "```\n");
    }

    @Test
    void theReadmePrintsTheShippedDdlForEachDatabase() throws IOException {
        String readme = readme();
        for (SqlDialect dialect : SqlDialect.values()) {
            assertThat(readme).as(dialect + " DDL").contains("```sql\n" + OutboxDdl.script(dialect) + "```\n");
        }
    }

    /** Removes the indentation the lines share, blank lines aside. */
    private static String dedent(String text) {
        int indent = Integer.MAX_VALUE;
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                indent = Math.min(indent, line.length() - line.stripLeading().length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append(line.isBlank() ? "" : line.substring(indent)).append('\n');
        }
        return out.toString();
    }

    private static String readme() throws IOException {
        return Files.readString(moduleDir().resolve("../README.md"), StandardCharsets.UTF_8);
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        assertThat(from).as("where " + begin.strip() + " is").isNotNegative();
        int to = text.indexOf(end, from + begin.length());
        assertThat(to).as("where " + end.strip() + " is").isNotNegative();
        return text.substring(from + begin.length(), to);
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "."));
    }
}
