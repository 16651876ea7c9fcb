package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.Ad;
import io.github.tiktokevents.event.App;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Lead;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.internal.delivery.DeliveryRecordingListener;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Captures everything a user could see during failing calls (HTTP logs at the most verbose level, exception
 * messages and causes, and the toString() of every public type) and finds neither the token nor a raw personal value.
 */
class SecrecyTest {
    static final String EMAIL = "Jane.Secret@Example.org";
    static final String PHONE = "+55 41 99886-2934";
    static final String EXTERNAL_ID = "customer-raw-777";
    static final List<String> SECRETS = List.of(MockTikTok.TOKEN, "jane.secret@example.org", "5541998862934",
            "99886-2934", EXTERNAL_ID.toLowerCase(Locale.ROOT));

    @Test
    void noTokenOrRawPersonalValueAppearsAnywhere() throws Exception {
        List<String> seen = new ArrayList<>();
        try (MockTikTok tiktok = new MockTikTok();
             TikTokEvents client = tiktok.clientBuilder().httpLogLevel(HttpLogLevel.BODY).httpLogger(seen::add)
                     .appId("app").build()) {
            TikTokEventsBuilder builder = tiktok.clientBuilder();
            User user = User.builder().email(EMAIL).phone(PHONE).externalId(EXTERNAL_ID).ip("13.57.97.131").build();
            Content content = Content.builder().contentId("sku").contentType(ContentType.PRODUCT).price(1).build();
            Properties properties = Properties.builder().currency("usd").value(1).addContent(content).build();
            Event event = Event.builder("Purchase").user(user).page(Page.of("https://shop.example")).properties(properties).build();
            Event appEvent = Event.builder("InstallApp").source(EventSource.APP).app(App.of("app"))
                    .ad(Ad.builder().campaignId("c").build()).user(user).build();
            Event crm = Event.builder("Lead").source(EventSource.CRM).lead(Lead.of("1")).build();

            tiktok.answer("{\"code\":40105,\"message\":\"Access token " + MockTikTok.TOKEN + " invalid\",\"request_id\":\"r1\"}");
            tiktok.answer("{\"code\":40002,\"message\":\"Invalid parameter\",\"request_id\":\"r2\"}");
            tiktok.answer(500, "boom", "Retry-After", "3");
            tiktok.server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
            tiktok.answer("{\"code\":20001,\"message\":\"partial\",\"request_id\":\"r5\",\"data\":{\"x\":1}}");

            List<Object> shown = new ArrayList<>(List.of(client, builder, user, content, properties, event, appEvent,
                    crm, EventDefaults.standard(), Page.of("https://a.example"), App.of("app"), Lead.of("1"),
                    Ad.builder().build()));
            shown.add(thrown(() -> client.send(event)));
            shown.add(thrown(() -> client.sendAsync(appEvent).join()));
            BatchResult batch = client.sendBatch(List.of(event, appEvent));
            shown.add(batch);
            shown.addAll(batch.chunks());
            batch.failedChunks().forEach(chunk -> shown.add(chunk.error()));
            shown.add(client.send(event));
            shown.add(thrown(() -> client.send(crm)));
            shown.add(thrown(() -> User.builder().email("Jane.Secret@@Example.org")));
            shown.add(thrown(() -> User.builder().phone("99886-2934")));
            shown.add(thrown(() -> TikTokEvents.builder().accessToken(MockTikTok.TOKEN).build()));
            DeliveryRecordingListener outcomes = new DeliveryRecordingListener();
            EventProcessor processor = client.processor(ProcessorOptions.builder().listener(outcomes).build());
            processor.enqueue(crm); // no CRM id configured: refused and reported
            shown.add(processor);
            shown.add(processor.stats());
            shown.add(ProcessorOptions.defaults());
            shown.add(RetryPolicy.defaults());
            outcomes.all().forEach(outcome -> shown.add(outcome.error));

            for (Object item : shown) {
                seen.add(String.valueOf(item));
                for (Throwable t = item instanceof Throwable ? (Throwable) item : null; t != null; t = t.getCause()) {
                    seen.add(t.toString());
                    seen.add(String.valueOf(t.getMessage()));
                }
            }
        }
        assertThat(seen).anySatisfy(line -> assertThat(line).contains("Access-Token"));
        for (String line : seen) {
            for (String secret : SECRETS) {
                assertThat(line.toLowerCase(Locale.ROOT)).as("a line the user can see").doesNotContain(secret.toLowerCase(Locale.ROOT));
            }
        }
    }

    @ParameterizedTest(name = "second echo starting {0} characters from the cut")
    @ValueSource(ints = {-12, 10})
    void aTokenNearTheLogsCutLeavesNoPartOfItInTheLog(int fromCut) throws Exception {
        List<String> seen = new ArrayList<>();
        try (MockTikTok tiktok = new MockTikTok();
             TikTokEvents client = tiktok.clientBuilder().httpLogLevel(HttpLogLevel.BODY).httpLogger(seen::add).build()) {
            // the answer echoes the token twice: early (replaced, so what follows it moves up), and across the
            // log's cut of 4,096 characters (-12) or just past it (10)
            String head = "{\"code\":0,\"message\":\"token " + MockTikTok.TOKEN + " ";
            String padding = "x".repeat(4096 + fromCut - head.length());
            tiktok.answer(head + padding + MockTikTok.TOKEN + "\",\"request_id\":\"r\"}");
            client.send(Event.builder("Purchase").page(Page.of("https://shop.example")).build());
        }
        String part = MockTikTok.TOKEN.substring(0, 8);
        assertThat(seen).anySatisfy(line -> assertThat(line).contains("token ██ " + "x".repeat(100)));
        assertThat(seen).noneSatisfy(line -> assertThat(line).contains(part));
    }

    @ParameterizedTest(name = "a body of {0} then the token")
    @ValueSource(strings = {"é", "€", "😀"})
    void aTokenAfterMultiByteTextLeavesNoPartOfItInTheLog(String character) throws Exception {
        List<String> seen = new ArrayList<>();
        try (MockTikTok tiktok = new MockTikTok();
             TikTokEvents client = tiktok.clientBuilder().httpLogLevel(HttpLogLevel.BODY).httpLogger(seen::add).build()) {
            // fewer characters than the bound, more bytes: the log's read ends inside the token
            String head = "{\"code\":0,\"message\":\"";
            int fill = (4096 - head.length()) / character.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + 1;
            tiktok.answer(head + character.repeat(fill) + MockTikTok.TOKEN + "\",\"request_id\":\"r\"}");
            client.send(Event.builder("Purchase").page(Page.of("https://shop.example")).build());
        }
        assertThat(seen).anySatisfy(line -> assertThat(line).contains(character.repeat(50)));
        for (int length = 3; length <= MockTikTok.TOKEN.length(); length++) {
            String part = MockTikTok.TOKEN.substring(0, length);
            assertThat(seen).noneSatisfy(line -> assertThat(line).contains(character + part));
        }
    }

    @Test
    void credentialsInTheBaseUrlAreNeitherLoggedNorPrinted() throws Exception {
        List<String> seen = new ArrayList<>();
        try (MockTikTok tiktok = new MockTikTok()) {
            String withCredentials = tiktok.baseUrl().replace("://", "://proxy-user:proxy-Pa55@");
            TikTokEventsBuilder builder = tiktok.clientBuilder().baseUrl(withCredentials)
                    .httpLogLevel(HttpLogLevel.HEADERS).httpLogger(seen::add);
            seen.add(builder.toString());
            try (TikTokEvents client = builder.build()) {
                seen.add(client.toString());
                tiktok.answerOk();
                client.send(Event.builder("Purchase").page(Page.of("https://shop.example")).build());
            }
        }
        assertThat(seen).anySatisfy(line -> assertThat(line).startsWith("--> POST http://***@"));
        assertThat(seen).noneSatisfy(line -> assertThat(line).containsAnyOf("proxy-user", "proxy-Pa55"));
    }

    private static Throwable thrown(Runnable call) {
        try {
            call.run();
        } catch (CompletionException e) {
            return e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("expected a failure");
    }
}
