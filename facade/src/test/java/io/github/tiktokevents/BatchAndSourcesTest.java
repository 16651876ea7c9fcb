package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.github.tiktokevents.event.Ad;
import io.github.tiktokevents.event.App;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Batches split into requests, per-request outcomes, every event source, and the 1.0 pixel endpoints. */
class BatchAndSourcesTest {
    @RegisterExtension
    final MockTikTok tiktok = MockTikTok.started();


    static List<Event> webEvents(int count) {
        List<Event> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            events.add(Event.builder("ViewContent", MockTikTok.DEFAULTS).eventId("e" + i).epochSeconds(1675220400L + i)
                    .page(Page.of("https://shop.example/" + i)).build());
        }
        return events;
    }

    @Test
    void aBatchOf2500IsSentAsRequestsOf1000And500AndAFailingOneHidesNothing() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            tiktok.answerOk();
            tiktok.answer("{\"code\":50000,\"message\":\"System error\",\"request_id\":\"bad\"}");
            tiktok.answerOk();
            List<Event> events = webEvents(2500);

            BatchResult result = client.sendBatch(events);

            List<Integer> sizes = new ArrayList<>();
            Set<String> sentIds = new HashSet<>();
            for (int i = 0; i < 3; i++) {
                JsonObject body = MockTikTok.json(tiktok.take());
                sizes.add(body.getAsJsonArray("data").size());
                body.getAsJsonArray("data").forEach(e -> sentIds.add(e.getAsJsonObject().get("event_id").getAsString()));
            }
            assertThat(sizes).containsExactly(1000, 1000, 500);
            assertThat(sentIds).hasSize(2500);
            assertThat(result.eventCount()).isEqualTo(2500);
            assertThat(result.allSucceeded()).isFalse();
            assertThat(result.succeededEvents()).hasSize(1500);
            assertThat(result.failedEvents()).containsExactlyElementsOf(events.subList(1000, 2000));
            assertThat(result.failedChunks()).singleElement()
                    .satisfies(chunk -> assertThat(chunk.error()).isInstanceOf(ServerException.class)
                            .hasMessageContaining("bad"));
        }
    }

    @Test
    void theAsyncBatchReportsTheSameWithoutThrowing() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            tiktok.answer(500, "oops");
            tiktok.answerOk();

            BatchResult result = client.sendBatchAsync(webEvents(1001)).join();

            assertThat(result.chunks()).hasSize(2);
            assertThat(result.failedChunks()).singleElement()
                    .satisfies(chunk -> assertThat(chunk.error()).isInstanceOf(ServerException.class));
            assertThat(result.eventCount()).isEqualTo(1001);
        }
    }

    @Test
    void eachSourceIsSentUnderItsOwnIdAndCarriesWhatItRequires() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().appId("com.example.shop").offlineEventSetId("OFF1")
                .crmEventSetId("CRM1").build()) {
            for (int i = 0; i < 4; i++) {
                tiktok.answerOk();
            }
            Event web = Event.builder("ViewContent").page(Page.of("https://shop.example")).build();
            Event app = Event.builder(EventNames.INSTALL_APP).source(EventSource.APP)
                    .app(App.of("com.example.shop", "Shop", "4.2.0"))
                    .ad(Ad.builder().campaignId("c1").attributed(true).build())
                    .user(User.builder().idfa("ABC").build()).build();
            Event offline = Event.builder(EventNames.PURCHASE).source(EventSource.OFFLINE)
                    .user(User.builder().phone("+5541998862934").build()).build();
            Event crm = Event.builder("LeadQualified").source(EventSource.CRM).lead(Lead.of("7124", "HubSpot")).build();

            BatchResult result = client.sendBatch(List.of(crm, web, offline, app));

            assertThat(result.allSucceeded()).isTrue();
            List<JsonObject> bodies = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                bodies.add(MockTikTok.json(tiktok.take()));
            }
            // one request per source, in the order each source first appears in the batch
            assertThat(bodies).extracting(b -> b.get("event_source").getAsString() + ":" + b.get("event_source_id").getAsString())
                    .containsExactly("crm:CRM1", "web:" + MockTikTok.PIXEL, "offline:OFF1", "app:com.example.shop");
            JsonObject appEvent = bodies.get(3).getAsJsonArray("data").get(0).getAsJsonObject();
            assertThat(appEvent.getAsJsonObject("app").get("app_version").getAsString()).isEqualTo("4.2.0");
            assertThat(appEvent.getAsJsonObject("ad").get("attributed").getAsBoolean()).isTrue();
            JsonObject crmEvent = bodies.get(0).getAsJsonArray("data").get(0).getAsJsonObject();
            assertThat(crmEvent.getAsJsonObject("lead").get("lead_id").getAsString()).isEqualTo("7124");
        }
    }

    @Test
    void eachSourceIsValidatedForWhatItRequiresBeforeAnythingIsSent() {
        assertThatThrownBy(() -> Event.builder("ViewContent").build())
                .isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("page:");
        assertThatThrownBy(() -> Event.builder("InstallApp").source(EventSource.APP).build())
                .isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("app:");
        assertThatThrownBy(() -> Event.builder("Lead").source(EventSource.CRM).build())
                .isInstanceOf(TikTokValidationException.class).hasMessageStartingWith("lead:");
        assertThat(Event.builder("Purchase").source(EventSource.OFFLINE).build().source()).isEqualTo(EventSource.OFFLINE);
    }

    @Test
    void aBatchWithASourceThatHasNoIdSendsNothing() {
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            Event crm = Event.builder("Lead").source(EventSource.CRM).lead(Lead.of("1")).build();

            assertThatThrownBy(() -> client.sendBatch(List.of(webEvents(1).get(0), crm)))
                    .isInstanceOf(TikTokConfigurationException.class).hasMessageContaining("crmEventSetId");
            assertThatThrownBy(() -> client.sendAsync(crm).join()).cause()
                    .isInstanceOf(TikTokConfigurationException.class);
            assertThat(tiktok.server.getRequestCount()).isZero();
        }
    }

    @Test
    void pixelV1SendsOneEventToPixelTrackWithAnIsoTimestampAndContextUser() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().apiEdition(ApiEdition.PIXEL_V1).testEventCode("T1").build()) {
            tiktok.answerOk();

            client.send(WireFormatTest.issueExample());

            RecordedRequest request = tiktok.take();
            assertThat(request.getUrl().encodedPath()).isEqualTo("/open_api/v1.3/pixel/track/");
            JsonObject body = MockTikTok.json(request);
            assertThat(body.get("pixel_code").getAsString()).isEqualTo(MockTikTok.PIXEL);
            assertThat(body.get("test_event_code").getAsString()).isEqualTo("T1");
            assertThat(body.get("event").getAsString()).isEqualTo("ViewContent");
            assertThat(body.get("timestamp").getAsString()).isEqualTo("2023-02-01T00:00:00-03:00");
            assertThat(body.has("event_time")).isFalse();
            JsonObject context = body.getAsJsonObject("context");
            assertThat(context.getAsJsonObject("user").get("email").getAsString()).isEqualTo(WireFormatTest.EMAIL_SHA);
            assertThat(context.getAsJsonObject("user").get("phone_number").getAsString()).isEqualTo(WireFormatTest.PHONE_SHA);
            assertThat(context.getAsJsonObject("ad").get("callback").getAsString()).isEqualTo(WireFormatTest.TTCLID);
            assertThat(context.get("ip").getAsString()).isEqualTo("13.57.97.131");
            JsonObject content = body.getAsJsonObject("properties").getAsJsonArray("contents").get(0).getAsJsonObject();
            assertThat(content.get("content_type").getAsString()).isEqualTo("product");
            assertThat(body.getAsJsonObject("properties").has("content_type")).isFalse();
        }
    }

    @Test
    void pixelV1BatchesGoToPixelBatchInChunksOfTheConfiguredSize() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().apiEdition(ApiEdition.PIXEL_V1).pixelBatchSize(2).build()) {
            tiktok.answerOk();
            tiktok.answerOk();

            BatchResult result = client.sendBatch(webEvents(3));

            RecordedRequest first = tiktok.take();
            RecordedRequest second = tiktok.take();
            assertThat(first.getUrl().encodedPath()).isEqualTo("/open_api/v1.3/pixel/batch/");
            assertThat(MockTikTok.json(first).getAsJsonArray("batch")).hasSize(2);
            assertThat(MockTikTok.json(first).getAsJsonArray("batch").get(0).getAsJsonObject().get("type").getAsString())
                    .isEqualTo("track");
            assertThat(MockTikTok.json(first).getAsJsonArray("batch").get(0).getAsJsonObject().get("timestamp").getAsString())
                    .isEqualTo("2023-02-01T03:00:00Z");
            assertThat(second.getUrl().encodedPath()).isEqualTo("/open_api/v1.3/pixel/track/");
            assertThat(result.allSucceeded()).isTrue();
        }
    }

    @Test
    void pixelV1RefusesNonWebEvents() {
        try (TikTokEvents client = tiktok.clientBuilder().apiEdition(ApiEdition.PIXEL_V1).appId("a").build()) {
            Event app = Event.builder("InstallApp").source(EventSource.APP).app(App.of("a")).build();

            assertThatThrownBy(() -> client.send(app)).isInstanceOf(TikTokConfigurationException.class)
                    .hasMessageContaining("web events only");
        }
    }

    @Test
    void theSeamSendsOneChunkAndRefusesMixedOrOversizedOnes() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            tiktok.answerOk();

            assertThat(client.sendChunkAsync(EventSource.WEB, webEvents(3)).join().code()).isZero();
            assertThat(MockTikTok.json(tiktok.take()).getAsJsonArray("data")).hasSize(3);
            assertThatThrownBy(() -> client.sendChunkAsync(EventSource.WEB, webEvents(1001)).join())
                    .cause().isInstanceOf(TikTokValidationException.class);
            assertThatThrownBy(() -> client.sendChunkAsync(EventSource.APP, webEvents(1)).join())
                    .cause().isInstanceOf(TikTokValidationException.class);
            assertThat(client.maxEventsPerRequest()).isEqualTo(1000);
        }
    }

    @Test
    void afterCloseNothingIsSent() {
        TikTokEvents client = tiktok.clientBuilder().build();
        client.close();
        client.close();

        assertThatThrownBy(() -> client.send(webEvents(1).get(0))).isInstanceOf(TikTokConfigurationException.class)
                .hasMessageContaining("closed");
        assertThat(client.sendBatchAsync(webEvents(1))).isCompletedExceptionally();
    }

    @Test
    void pixelV1SendsContentIdsAsContentsBecauseItHasNoContentIdsField() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().apiEdition(ApiEdition.PIXEL_V1).build()) {
            tiktok.answerOk();

            client.send(Event.builder("ViewContent").page(Page.of("https://shop.example"))
                    .properties(Properties.builder().contentIds(List.of("sku-1", "sku-2")).build()).build());

            JsonObject properties = MockTikTok.json(tiktok.take()).getAsJsonObject("properties");
            assertThat(properties.has("content_ids")).isFalse();
            assertThat(properties.getAsJsonArray("contents")).hasSize(2);
            assertThat(properties.getAsJsonArray("contents").get(1).getAsJsonObject().get("content_id").getAsString())
                    .isEqualTo("sku-2");
        }
    }
}
