package io.github.tiktokevents.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.jdbc.JdbcOutbox;
import io.github.tiktokevents.outbox.local.LocalOutbox;
import io.github.tiktokevents.processor.EventProcessor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code tiktok.events.outbox.type}: the processor bean on a local directory or on a table of the application's
 * data source, with events added in the application's own transactions (a rolled-back one leaves none behind).
 */
class TikTokEventsOutboxTest {
    private static TikTokEmulator emulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TikTokEventsOutboxAutoConfiguration.class,
                    TikTokEventsAutoConfiguration.class))
            .withPropertyValues("tiktok.events.read-environment=false", "tiktok.events.processor.max-delay=20ms");

    @BeforeAll
    static void startEmulator() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void forgetRequests() {
        emulator.reset();
    }

    private String[] target() {
        return new String[] {"tiktok.events.access-token=" + emulator.accessToken(),
            "tiktok.events.base-url=" + emulator.baseUrl(), "tiktok.events.pixel-code=PIXEL0000000000000001"};
    }

    @Test
    void withoutATypeTheProcessorKeepsItsEventsInMemory() {
        runner.withPropertyValues(target()).run(context -> assertThat(context).doesNotHaveBean(Outbox.class)
                .hasSingleBean(EventProcessor.class));
    }

    @Test
    void aLocalOutboxKeepsWhatTheProcessorHasNotDeliveredForTheNextStart(@TempDir Path directory) throws Exception {
        runner.withPropertyValues(target())
                .withPropertyValues("tiktok.events.outbox.type=local", "tiktok.events.outbox.directory=" + directory,
                        "tiktok.events.outbox.durability=each-event")
                .run(context -> {
                    assertThat(context).getBean(Outbox.class).isInstanceOf(LocalOutbox.class);
                    EventProcessor processor = context.getBean(EventProcessor.class);
                    assertThat(processor.enqueue(Purchases.purchase("local-1"))).isTrue();
                    assertThat(processor.flush(Duration.ofSeconds(20))).isTrue();
                    assertThat(emulator.eventsWithId("local-1")).hasSize(1);
                });
        assertThat(Files.list(directory).map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                .isNotEmpty(); // the store stays for the next start
    }

    @Test
    void aLocalOutboxWithoutADirectoryFailsStartupNamingTheProperty() {
        runner.withPropertyValues(target()).withPropertyValues("tiktok.events.outbox.type=local")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("tiktok.events.outbox.directory"));
    }

    @Test
    void aJdbcOutboxCommitsEventsWithTheApplicationsTransactionAndRelaysThem() {
        runner.withPropertyValues(target())
                .withUserConfiguration(ApplicationDatabase.class)
                .withPropertyValues("tiktok.events.outbox.type=jdbc", "tiktok.events.outbox.initialize-schema=true",
                        "tiktok.events.outbox.table=shop_tiktok_outbox")
                .run(context -> {
                    assertThat(context).getBean(Outbox.class).isInstanceOf(JdbcOutbox.class);
                    TransactionalEventOutbox outbox = context.getBean(TransactionalEventOutbox.class);
                    TransactionTemplate transactions = new TransactionTemplate(
                            new DataSourceTransactionManager(context.getBean(DataSource.class)));
                    DataSource dataSource = context.getBean(DataSource.class);

                    transactions.executeWithoutResult(status -> {
                        saveOrder(dataSource, "rolled-back");
                        outbox.add(Purchases.purchase("order-rolled-back"));
                        status.setRollbackOnly();
                    });
                    transactions.executeWithoutResult(status -> {
                        saveOrder(dataSource, "committed");
                        outbox.add(Purchases.purchase("order-committed"));
                    });

                    List<RecordedEvent> arrived = emulator.awaitEvents(1, Duration.ofSeconds(20));
                    assertThat(arrived).extracting(RecordedEvent::eventId).containsExactly("order-committed");
                    assertThat(orders(dataSource)).containsExactly("committed");
                    awaitEmpty(dataSource);
                    context.getBean(EventProcessor.class).flush(Duration.ofSeconds(5));
                    assertThat(emulator.eventsWithId("order-rolled-back")).isEmpty();
                });
    }

    @Test
    void aJdbcOutboxWithoutADataSourceFailsStartupSayingSo() {
        runner.withPropertyValues(target()).withPropertyValues("tiktok.events.outbox.type=jdbc")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("needs one DataSource bean"));
    }

    /** The application's own write, on the transaction's connection (released to Spring, not closed). */
    private static void saveOrder(DataSource dataSource, String id) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO orders (id) VALUES ('" + id + "')");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    private static List<String> orders(DataSource dataSource) throws Exception {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM orders")) {
            List<String> ids = new java.util.ArrayList<>();
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
            return ids;
        }
    }

    /** The relay deletes a row once TikTok accepted it; a rolled-back row was never there. */
    private static void awaitEmpty(DataSource dataSource) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM shop_tiktok_outbox")) {
                rows.next();
                if (rows.getLong(1) == 0) {
                    return;
                }
            }
            assertThat(System.nanoTime()).as("the outbox table empties").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** The application's own database, with an orders table beside the outbox. */
    @Configuration(proxyBeanMethods = false)
    static class ApplicationDatabase {
        @Bean
        DataSource dataSource() throws Exception {
            JdbcDataSource dataSource = new JdbcDataSource();
            dataSource.setURL("jdbc:h2:mem:shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("CREATE TABLE orders (id VARCHAR(64) PRIMARY KEY)");
            }
            return dataSource;
        }
    }
}
