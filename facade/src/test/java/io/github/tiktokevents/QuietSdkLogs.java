package io.github.tiktokevents;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Keeps the test log quiet: what the SDK (System.Logger, here java.util.logging, under {@code io.github.tiktokevents})
 * and MockWebServer log during a test is held, and printed to stderr only if that test fails. Tests provoke failures
 * on purpose (a listener that throws, a client that connects and sends nothing); their SEVERE records and stack
 * traces are expected, and a green run should show none of them. Registered for every facade test through
 * {@code META-INF/services} and {@code junit-platform.properties}.
 */
public final class QuietSdkLogs implements BeforeEachCallback, AfterEachCallback {
    /** Held strongly: java.util.logging keeps loggers weakly, and a collected logger would lose the handler. */
    private static final List<Logger> QUIETED = List.of(Logger.getLogger("io.github.tiktokevents"), Logger.getLogger("mockwebserver3"));
    private static final int MAX_KEPT = 500;
    private static final Held HELD = new Held();

    static {
        for (Logger logger : QUIETED) {
            logger.addHandler(HELD);
            logger.setUseParentHandlers(false);
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        HELD.drain();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        List<LogRecord> records = HELD.drain();
        if (context.getExecutionException().isPresent() && !records.isEmpty()) {
            SimpleFormatter format = new SimpleFormatter();
            StringBuilder text = new StringBuilder("Log of the failed test ").append(context.getDisplayName()).append(":\n");
            records.forEach(record -> text.append(format.format(record)));
            System.err.print(text);
        }
    }

    /** The records since the last drain, at most {@value #MAX_KEPT} (background threads may log between tests). */
    private static final class Held extends Handler {
        private final List<LogRecord> records = new ArrayList<>();

        @Override
        public synchronized void publish(LogRecord record) {
            if (records.size() < MAX_KEPT) {
                records.add(record);
            }
        }

        synchronized List<LogRecord> drain() {
            List<LogRecord> drained = new ArrayList<>(records);
            records.clear();
            return drained;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
