package io.github.tiktokevents.outbox.jdbc;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A relay as an application instance runs it, in a child JVM of {@link RelayCrashTest}: a processor on a
 * {@link JdbcOutbox} over a PostgreSQL table, sending to the emulator, until its standard input closes (or it is
 * killed).
 *
 * <p>Arguments: JDBC URL, table, the emulator's base URL, access token, lease in milliseconds.
 */
public final class RelayMain {
    private RelayMain() {
    }

    public static void main(String[] args) throws Exception {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setUrl(args[0]);
        JdbcOutbox outbox = JdbcOutbox.builder(dataSource)
                .table(args[1])
                .lease(Duration.ofMillis(Long.parseLong(args[4])))
                .build();
        try (TikTokEvents tiktok = TikTokEvents.builder()
                .accessToken(args[3])
                .pixelCode(RelayCrashTest.PIXEL)
                .baseUrl(args[2])
                .build()) {
            EventProcessor relay = tiktok.processor(ProcessorOptions.builder()
                    .maxBatchSize(50)
                    .maxDelay(Duration.ofMillis(20))
                    .drainOnShutdown(false)
                    .build(), outbox);
            System.out.println("relay ready");
            System.out.flush();
            while (System.in.read() != -1) {
                // the parent closes our standard input to stop us
            }
            relay.close();
        }
    }
}
