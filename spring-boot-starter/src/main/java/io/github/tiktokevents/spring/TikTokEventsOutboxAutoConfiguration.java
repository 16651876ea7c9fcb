package io.github.tiktokevents.spring;

import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.jdbc.JdbcOutbox;
import io.github.tiktokevents.outbox.jdbc.JdbcOutboxBuilder;
import io.github.tiktokevents.outbox.local.LocalOutbox;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the {@code EventProcessor} bean durable with {@code tiktok.events.outbox.type}: {@code local} keeps its events
 * in a directory ({@code tiktok-events-outbox}), {@code jdbc} in a table of the application's {@link DataSource}
 * ({@code tiktok-events-outbox-jdbc}), where {@link TransactionalEventOutbox} adds them in the application's own
 * transactions. An {@link Outbox} bean of the application's wins over both. The processor owns the outbox and closes
 * it when it drains; events not yet delivered stay in it for the next start.
 */
@AutoConfiguration(before = TikTokEventsAutoConfiguration.class)
public class TikTokEventsOutboxAutoConfiguration {

    /** Creates the auto-configuration; Spring does. */
    public TikTokEventsOutboxAutoConfiguration() {
    }

    /** {@code tiktok.events.outbox.type=local}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "io.github.tiktokevents.outbox.local.LocalOutbox")
    @ConditionalOnProperty(prefix = "tiktok.events.outbox", name = "type", havingValue = "local")
    static class Local {

        /**
         * The local outbox. Not closed as a bean: the processor closes it after draining.
         *
         * @param properties the settings
         * @return the outbox
         */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean(Outbox.class)
        Outbox tiktokEventsOutbox(TikTokEventsProperties properties) {
            TikTokEventsProperties.Outbox settings = properties.getOutbox();
            if (settings.getDirectory() == null) {
                throw new IllegalStateException("tiktok.events.outbox.type=local needs tiktok.events.outbox.directory:"
                        + " a directory of this application's own, kept across restarts");
            }
            LocalOutbox.Builder builder = LocalOutbox.builder(settings.getDirectory());
            if (settings.getDurability() != null) {
                builder.durability(LocalOutbox.Durability.valueOf(settings.getDurability().name()));
            }
            return builder.build();
        }
    }

    /** {@code tiktok.events.outbox.type=jdbc}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"io.github.tiktokevents.outbox.jdbc.JdbcOutbox",
        "org.springframework.jdbc.datasource.DataSourceUtils"})
    @ConditionalOnProperty(prefix = "tiktok.events.outbox", name = "type", havingValue = "jdbc")
    static class Jdbc {

        /**
         * The JDBC outbox on the application's data source. Not closed as a bean: the processor closes it.
         *
         * @param dataSources the application's data source, which must be unique
         * @param properties the settings
         * @return the outbox
         */
        @Bean(destroyMethod = "")
        @ConditionalOnMissingBean(Outbox.class)
        JdbcOutbox tiktokEventsOutbox(ObjectProvider<DataSource> dataSources, TikTokEventsProperties properties) {
            DataSource dataSource = dataSource(dataSources);
            TikTokEventsProperties.Outbox settings = properties.getOutbox();
            JdbcOutboxBuilder builder = JdbcOutbox.builder(dataSource);
            if (settings.getTable() != null) {
                builder.table(settings.getTable());
            }
            if (settings.getLease() != null) {
                builder.lease(settings.getLease());
            }
            if (properties.getApiEdition() != null) {
                builder.edition(properties.getApiEdition());
            }
            JdbcOutbox outbox = builder.build();
            if (settings.isInitializeSchema()) {
                outbox.createTable();
            }
            return outbox;
        }

        /**
         * Adds events in the application's transactions.
         *
         * @param outbox the JDBC outbox
         * @param dataSources the application's data source
         * @return the writer
         */
        @Bean
        @ConditionalOnMissingBean
        TransactionalEventOutbox tiktokEventsTransactionalOutbox(JdbcOutbox outbox, ObjectProvider<DataSource> dataSources) {
            return new TransactionalEventOutbox(outbox, dataSource(dataSources));
        }

        private static DataSource dataSource(ObjectProvider<DataSource> dataSources) {
            DataSource dataSource = dataSources.getIfUnique();
            if (dataSource == null) {
                throw new IllegalStateException("tiktok.events.outbox.type=jdbc needs one DataSource bean (found none,"
                        + " or several without a @Primary): the outbox table lives in the application's database");
            }
            return dataSource;
        }
    }
}
