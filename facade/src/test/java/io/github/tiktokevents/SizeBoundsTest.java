package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The shared rules' size bounds on the SDK's side: a text value over 16,384 characters is refused before anything
 * is sent, and a batch is split so that no request body passes 4 MiB (the bounds of {@code info.x-tiktok-rules}).
 */
class SizeBoundsTest {

    @Test
    void aTenMegabyteDescriptionIsRefusedAndNothingIsSent() throws Exception {
        try (MockTikTok tiktok = new MockTikTok(); TikTokEvents client = tiktok.clientBuilder().build()) {
            Event event = Event.builder("ViewContent").page(Page.of("https://shop.example"))
                    .properties(Properties.builder().description("d".repeat(10_000_000)).build()).build();

            assertThatThrownBy(() -> client.send(event)).isInstanceOf(TikTokValidationException.class)
                    .hasMessageContaining("description").hasMessageContaining("16384 characters")
                    .hasMessageNotContaining("ddddd");
            assertThat(tiktok.server.getRequestCount()).isZero();
        }
    }

    @Test
    void theProcessorRefusesSuchAnEventAtEnqueueAndTheListenerHearsWhy() throws Exception {
        List<TikTokException> heard = new ArrayList<>();
        try (MockTikTok tiktok = new MockTikTok(); TikTokEvents client = tiktok.clientBuilder().build()) {
            EventProcessor processor = client.processor(ProcessorOptions.builder()
                    .listener((eventId, error) -> heard.add(error)).build());
            Event event = Event.builder("ViewContent").page(Page.of("https://shop.example"))
                    .properties(Properties.builder().description("d".repeat(20_000)).build()).build();

            assertThat(processor.enqueue(event)).isFalse();
            assertThat(heard).singleElement().isInstanceOf(TikTokValidationException.class);
            assertThat(heard.get(0).getMessage()).contains("description").doesNotContain("ddddd");
            processor.close();
            assertThat(tiktok.server.getRequestCount()).isZero();
        }
    }

    @Test
    void aBatchIsSplitSoThatNoRequestPassesFourMebibytes() throws Exception {
        try (MockTikTok tiktok = new MockTikTok(); TikTokEvents client = tiktok.clientBuilder().build()) {
            List<Event> events = new ArrayList<>();
            for (int i = 0; i < 600; i++) {   // about 16 KB each: 9.6 MB, under 1,000 events
                events.add(Event.builder("ViewContent").eventId("e" + i).page(Page.of("https://shop.example"))
                        .properties(Properties.builder().description("d".repeat(16_000)).build()).build());
            }
            for (int i = 0; i < 3; i++) {
                tiktok.answerOk();
            }

            BatchResult result = client.sendBatch(events);

            assertThat(result.failedChunks()).isEmpty();
            List<Long> sizes = new ArrayList<>();
            int sent = 0;
            for (int i = 0; i < 3; i++) {
                var request = tiktok.take();
                sizes.add(request.getBodySize());
                sent += MockTikTok.json(request).getAsJsonArray("data").size();
            }
            assertThat(sent).isEqualTo(600);
            assertThat(sizes).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(4L * 1024 * 1024));
        }
    }
}
