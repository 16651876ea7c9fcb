package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole-call timeout against a server that trickles its answer, so that no single read waits long enough for the
 * read timeout: every send path ends as a timeout soon after {@code callTimeout}, which the SDK keeps itself
 * ({@code CallDeadlines}), while the generated {@code EventApi} keeps OkHttp's own.
 */
class CallTimeoutTest {
    private static final Duration CALL_TIMEOUT = Duration.ofMillis(400);
    @RegisterExtension
    final MockTikTok tiktok = MockTikTok.started();


    private void trickle() {
        // about 1.4 s for the whole answer, one byte every 20 ms: each read is answered well within the read timeout
        tiktok.server.enqueue(new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
                .body("{\"code\":0,\"message\":\"OK\",\"request_id\":\"req-slow\",\"data\":{}}")
                .throttleBody(1, 20, TimeUnit.MILLISECONDS).build());
    }

    private TikTokEvents client() {
        return tiktok.clientBuilder().readTimeout(Duration.ofSeconds(5)).callTimeout(CALL_TIMEOUT).build();
    }

    private static Event event() {
        return Event.builder(EventNames.VIEW_CONTENT).eventId("slow-1").page(Page.of("https://shop.example")).build();
    }

    @Test
    void aBlockingSendEndsAsATimeoutSoonAfterTheCallTimeout() {
        try (TikTokEvents client = client()) {
            trickle();
            long start = System.nanoTime();
            assertThatThrownBy(() -> client.send(event())).isInstanceOf(TikTokTransportException.class)
                    .hasMessageContaining("timed out").hasCauseInstanceOf(InterruptedIOException.class)
                    .cause().hasMessageContaining("call timeout (PT0.4S)");
            long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(tookMillis).as("the timeout plus at most a tick (40 ms) and some scheduling")
                    .isBetween(CALL_TIMEOUT.toMillis(), 2_000L);
        }
    }

    @Test
    void anAsynchronousSendEndsAsATimeoutToo() {
        try (TikTokEvents client = client()) {
            trickle();
            assertThatThrownBy(() -> client.sendAsync(event()).join()).isInstanceOf(CompletionException.class)
                    .cause().isInstanceOf(TikTokTransportException.class).hasMessageContaining("timed out")
                    .cause().hasMessageContaining("call timeout");
        }
    }

    @Test
    void theGeneratedClientKeepsOkHttpsOwnCallTimeout() {
        try (TikTokEvents client = client()) {
            assertThat(client.eventApi().getApiClient().getHttpClient().callTimeoutMillis())
                    .isEqualTo(CALL_TIMEOUT.toMillis());
        }
    }
}
