package io.github.tiktokevents.outbox.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.outbox.RefusedEvent;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keeps the README's durable-delivery snippet compiling: it is {@link #durableDelivery} below, word for word. */
class ReadmeOutboxSnippetTest {
    private static final String BEGIN = "// README \"durable delivery\" begins\n";
    private static final String END = "// README \"durable delivery\" ends";

    /** What the snippet takes from its surroundings in a real service. */
    private static final class Log {
        void warn(String format, Object... args) {
        }
    }

    private static final Log log = new Log();

    /** Compiled, never run. */
    @SuppressWarnings("unused")
    private static void durableDelivery(TikTokEvents tiktok, Event event) {
        // README "durable delivery" begins
        LocalOutbox outbox = LocalOutbox.builder(Path.of("/var/lib/shop/tiktok-outbox"))   // a directory of this process's own
                .durability(LocalOutbox.Durability.GROUPED)                                // the default; or EACH_EVENT
                .capacity(100_000)                                                         // events stored and unfinished
                .build();
        EventProcessor processor = tiktok.processor(ProcessorOptions.defaults(), outbox);  // sends what an earlier run left
        processor.enqueue(event);                                                          // returns once the event is stored

        for (RefusedEvent refused : outbox.refusals(100)) {                 // refused for good: kept until you take them
            log.warn("TikTok refused {}: {} {} (request_id {})", refused.event().eventId(), refused.code(),
                    refused.message(), refused.requestId());
            outbox.forget(List.of(refused));
        }
        // README "durable delivery" ends
    }

    @Test
    void theReadmeSnippetIsTheCodeAbove() throws IOException {
        String source = Files.readString(Path.of("src/test/java/io/github/tiktokevents/outbox/local/"
                + "ReadmeOutboxSnippetTest.java"), StandardCharsets.UTF_8);
        String code = source.substring(source.indexOf(BEGIN) + BEGIN.length(), source.indexOf(END));
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);

        assertThat(readme).contains("```java\n" + code.stripIndent() + "```\n");
    }
}
