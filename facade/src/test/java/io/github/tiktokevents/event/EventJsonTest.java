package io.github.tiktokevents.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.MockTikTok;
import io.github.tiktokevents.client.JSON;
import io.github.tiktokevents.client.model.EventData;
import io.github.tiktokevents.internal.wire.EventWire;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written 2.0 serialiser against the generated models: every field it writes must be one the spec's
 * EventData knows (nothing lands in additionalProperties), with the right value; and those are the bytes the
 * request bodies copy.
 */
class EventJsonTest {
    private static final String EMAIL_SHA = "f660ab912ec121d1b1e928a0bb4bc61b15f5ad44d5efdc4e1c92a25e99b8e44a";
    private static final String PHONE_SHA = "e379a7879266c54b8876bcb2bba6401cc5a3035dcd97b3a7846ed28ea0ca3360";

    @Test
    void everyFieldItWritesIsAFieldOfTheGeneratedModel() {
        Event event = Event.builder("Purchase", MockTikTok.DEFAULTS)
                .eventId("order-1")
                .epochSeconds(1675220400L)
                .user(User.builder().email("test@test.com").email("second@test.com").phone("+5541998862934")
                        .externalId("123456").ttp("ttp-1").ttclid("click-1").ip("13.57.97.131").userAgent("UA/1.0")
                        .locale("pt-BR").idfa("IDFA-1").idfv("IDFV-1").gaid("gaid-1").build())
                .properties(Properties.builder().currency("BRL").value(12.5).description("d").query("q")
                        .searchString("s").orderId("o-1").shopId("shop").numItems(3).predictedLtv(99.5)
                        .addContent(Content.builder().contentId("sku-1").contentType(ContentType.PRODUCT)
                                .contentName("n").contentCategory("c").brand("b").price(2.5).quantity(5).build())
                        .build())
                .page(Page.of("https://www.example.com/p?x=1", "https://www.google.com"))
                .app(App.of("com.example", "Example", "1.2.3"))
                .ad(Ad.builder().callback("cb").campaignId("1").adId("2").creativeId("3").retargeting(true)
                        .attributed(false).attributeType("click").attributeProvider("mmp").build())
                .lead(Lead.of("lead-1", "HubSpot"))
                .limitedDataUse(true)
                .build();

        String json = new String(EventWriters.eventsApi2(event), StandardCharsets.UTF_8);
        EventData data = JSON.getGson().fromJson(json, EventData.class);

        assertThat(data.getAdditionalProperties()).isNullOrEmpty();
        assertThat(data.getUser().getAdditionalProperties()).isNullOrEmpty();
        assertThat(data.getProperties().getAdditionalProperties()).isNullOrEmpty();
        assertThat(data.getProperties().getContents().get(0).getAdditionalProperties()).isNullOrEmpty();
        assertThat(data.getPage().getAdditionalProperties()).isNullOrEmpty();
        assertThat(data.getApp().getAdditionalProperties()).isNullOrEmpty();
        assertThat(data.getAd().getAdditionalProperties()).isNullOrEmpty();
        assertThat(data.getLead().getAdditionalProperties()).isNullOrEmpty();

        assertThat(data.getEvent()).isEqualTo("Purchase");
        assertThat(data.getEventTime()).isEqualTo(1675220400L);
        assertThat(data.getEventId()).isEqualTo("order-1");
        assertThat(data.getUser().getEmail().getListString()).hasSize(2).contains(EMAIL_SHA);
        assertThat(data.getUser().getPhone().getString()).isEqualTo(PHONE_SHA);
        assertThat(data.getUser().getExternalId().getString()).hasSize(64);
        assertThat(List.of(data.getUser().getTtp(), data.getUser().getTtclid(), data.getUser().getIp(),
                data.getUser().getUserAgent(), data.getUser().getLocale(), data.getUser().getIdfa(),
                data.getUser().getIdfv(), data.getUser().getGaid()))
                .containsExactly("ttp-1", "click-1", "13.57.97.131", "UA/1.0", "pt-BR", "IDFA-1", "IDFV-1", "gaid-1");
        assertThat(data.getProperties().getCurrency()).isEqualTo("BRL");
        assertThat(data.getProperties().getValue()).isEqualTo(12.5);
        assertThat(data.getProperties().getNumItems()).isEqualTo(3);
        assertThat(data.getProperties().getPredictedLtv()).isEqualTo(99.5);
        assertThat(data.getProperties().getContentType().getValue()).isEqualTo("product");
        assertThat(data.getProperties().getContents().get(0).getContentType().getValue()).isEqualTo("product");
        assertThat(data.getProperties().getContents().get(0).getQuantity()).isEqualTo(5);
        assertThat(data.getProperties().getContents().get(0).getBrand()).isEqualTo("b");
        assertThat(data.getPage().getReferrer()).isEqualTo("https://www.google.com");
        assertThat(data.getApp().getAppVersion()).isEqualTo("1.2.3");
        assertThat(data.getAd().getIsRetargeting()).isTrue();
        assertThat(data.getAd().getAttributed()).isFalse();
        assertThat(data.getLead().getLeadEventSource()).isEqualTo("HubSpot");
        assertThat(data.getLimitedDataUse()).isTrue();
    }

    @Test
    void theBytesRequestBodiesCopyAreTheSerialisersOutput() {
        Event event = Event.builder("ViewContent", MockTikTok.DEFAULTS).eventId("a").epochSeconds(1675220400L)
                .page(Page.of("https://www.example.com/ünïcødé?q=😀")).build();

        assertThat(EventWire.json(event)).isEqualTo(EventWriters.eventsApi2(event));
        assertThat(EventWire.size(event)).isEqualTo(EventWriters.eventsApi2(event).length);
        assertThat(EventWire.estimatedSizeBytes(event, io.github.tiktokevents.ApiEdition.EVENTS_V2)).isEqualTo(EventWriters.eventsApi2(event).length + 1);
    }
}
