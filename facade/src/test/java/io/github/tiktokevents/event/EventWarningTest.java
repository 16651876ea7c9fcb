package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Warnings: the event is built all the same, and the warning reaches the listener, by default one log line. */
class EventWarningTest {

    @Test
    void aNearMissNameIsBuiltAndLoggedOnceAsOneLine() {
        Logger logger = Logger.getLogger("io.github.tiktokevents.event");
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        boolean parentHandlers = logger.getUseParentHandlers();
        logger.addHandler(handler);
        logger.setUseParentHandlers(false);   // keeps the deliberate warning out of the build log
        try {
            Event event = Event.builder("Purchse").page(Page.of("https://shop.example")).build();

            assertThat(event.name()).isEqualTo("Purchse");
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.getLevel()).isEqualTo(Level.WARNING);
                assertThat(record.getMessage()).contains("Purchse").contains("did you mean Purchase?").doesNotContain("\n");
            });
        } finally {
            logger.removeHandler(handler);
            logger.setUseParentHandlers(parentHandlers);
        }
    }

    @Test
    void aListenerHearsEachWarningWithItsField() {
        List<EventWarning> warnings = new ArrayList<>();
        EventDefaults defaults = EventDefaults.standard().withWarningListener(warnings::add);

        Event.builder("add_to_cart", defaults).page(Page.of("https://shop.example"))
                .properties(Properties.builder().value(12).currency("ALL").build()).build();
        Event.builder("AddToCart", defaults).page(Page.of("https://shop.example")).build();

        assertThat(warnings).extracting(EventWarning::field).containsExactly("properties.currency", "event");
        assertThat(warnings.get(1).message()).contains("AddToCart");
        assertThat(warnings.get(1).eventName()).isEqualTo("add_to_cart");
    }
}
