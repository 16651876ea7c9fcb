package io.github.tiktokevents.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.client.ApiClient;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.client.model.EventData;
import io.github.tiktokevents.client.model.EventSource;
import io.github.tiktokevents.client.model.EventTrackRequest;
import io.github.tiktokevents.client.model.Page;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The extension as a user writes it: a test against the emulator in a few lines. */
class ExtensionUsageTest {
    @RegisterExtension
    static final TikTokEmulatorExtension TIKTOK = TikTokEmulatorExtension.configured(
            builder -> builder.accessToken("usage-token"));

    @Test
    void sendsAPurchase(TikTokEmulator tiktok) throws Exception {
        ApiClient client = new ApiClient(Clients.HTTP).setBasePath(tiktok.baseUrl());
        client.setApiKey(tiktok.accessToken());

        new EventApi(client).eventTrack("v1.3", new EventTrackRequest()
                .eventSource(EventSource.WEB).eventSourceId("PIXEL")
                .addDataItem(new EventData().event("Purchase").eventId("o-1").eventTime(Instant.now().getEpochSecond())
                        .page(new Page().url("https://shop.example"))));

        RecordedEvent purchase = tiktok.awaitEvents(1, Duration.ofSeconds(5)).get(0);
        assertThat(purchase.eventName()).isEqualTo("Purchase");
        assertThat(purchase.eventId()).isEqualTo("o-1");
    }

    @Test
    void seesARateLimitedRetry(TikTokEmulator tiktok) {
        tiktok.faults().next(Fault.rateLimited());
        String body = "{\"event_source\":\"web\",\"event_source_id\":\"PIXEL\",\"data\":[{\"event\":\"A\",\"page\":{\"url\":\"https://shop.example\"},"
                + "\"event_id\":\"r-1\",\"event_time\":" + Instant.now().getEpochSecond() + "}]}";

        assertThat(Clients.post(tiktok, Endpoint.EVENT_TRACK, body).code()).isEqualTo(TikTokCodes.RATE_LIMITED);
        assertThat(Clients.post(tiktok, Endpoint.EVENT_TRACK, body).code()).isZero();

        assertThat(tiktok.requests()).extracting(RecordedRequest::accepted).containsExactly(false, true);
        assertThat(tiktok.eventsWithId("r-1")).hasSize(1);
    }
}
