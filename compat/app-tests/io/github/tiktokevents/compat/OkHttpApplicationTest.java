package io.github.tiktokevents.compat;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.BatchResult;
import io.github.tiktokevents.HttpLogLevel;
import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.emulator.TikTokEmulatorExtension;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.processor.EventProcessor;
import java.io.IOException;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a user's application gets when it adds the SDK beside its own OkHttp (the module's pom says which): one
 * OkHttp, one okio and one Kotlin standard library on the class path, and events sent with the SDK's HTTP log on and
 * through the application's own OkHttpClient logging with OkHttp's interceptor.
 */
@ExtendWith(TikTokEmulatorExtension.class)
class OkHttpApplicationTest {
    @Test
    void theClassPathHoldsOneOkHttpOneOkioAndOneKotlinStandardLibrary() throws Exception {
        assertThat(jarsHolding("okhttp3/OkHttpClient.class"))
                .as("OkHttp 4 is the artifact okhttp, OkHttp 5 is okhttp-jvm: a build may keep both")
                .containsExactly(System.getProperty("expected.okhttp.jar"));
        assertThat(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null))
                .isEqualTo(System.getProperty("expected.okhttp.version"));
        assertThat(jarsHolding("okio/Buffer.class")).singleElement().asString().startsWith("okio-jvm-");
        assertThat(jarsHolding("kotlin/Unit.class")).singleElement().asString().startsWith("kotlin-stdlib-");
    }

    /** Issue 16: with OkHttp 4 beside the SDK's OkHttp 5, every send failed with NoSuchMethodError once logging was on. */
    @Test
    void sendsWithTheHttpLogOnBlockingAsyncInABatchAndThroughAProcessor(TikTokEmulator emulator) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (TikTokEvents tiktok = TikTokEvents.builder()
                .baseUrl(emulator.baseUrl())
                .accessToken(emulator.accessToken())
                .pixelCode("CE3VQJJC77U1234ABCD0")
                .retryPolicy(RetryPolicy.none()) // a failure shows as itself, not after five retries
                .httpLogLevel(HttpLogLevel.BODY)
                .httpLogger(log::add)
                .build()) {
            SendResult one = tiktok.send(event("order-1"));
            SendResult async = tiktok.sendAsync(event("order-2")).get();
            BatchResult batch = tiktok.sendBatch(List.of(event("order-3"), event("order-4")));
            try (EventProcessor processor = tiktok.processor()) {
                processor.enqueue(event("order-5"));
                processor.flush(Duration.ofSeconds(30));
            }

            assertThat(one.code()).isZero();
            assertThat(async.code()).isZero();
            assertThat(batch.allSucceeded()).isTrue();
            assertThat(emulator.events()).extracting(RecordedEvent::eventId)
                    .containsExactlyInAnyOrder("order-1", "order-2", "order-3", "order-4", "order-5");
            assertThat(log).anyMatch(line -> line.startsWith("<-- 200 "));
            assertThat(log).anyMatch(line -> line.contains("\"event_id\":\"order-1\""));
        }
    }

    /**
     * The exact failure of issue 16: the application's OkHttpClient logs through OkHttp's own interceptor. With the
     * SDK's former OkHttp 5 (okhttp-jvm and logging-interceptor 5.5.1) beside this OkHttp 4, every send failed with
     * {@code NoSuchMethodError: okhttp3.internal.Internal.charsetOrUtf8}.
     */
    @Test
    void sendsThroughTheApplicationsClientWithOkHttpsLoggingInterceptor(TikTokEmulator emulator) {
        List<String> log = new CopyOnWriteArrayList<>();
        HttpLoggingInterceptor logging = new HttpLoggingInterceptor(log::add);
        logging.setLevel(HttpLoggingInterceptor.Level.BODY);
        OkHttpClient applications = new OkHttpClient.Builder().addInterceptor(logging).build();
        try (TikTokEvents tiktok = TikTokEvents.builder()
                .baseUrl(emulator.baseUrl())
                .accessToken(emulator.accessToken())
                .pixelCode("CE3VQJJC77U1234ABCD0")
                .retryPolicy(RetryPolicy.none())
                .httpClient(applications)
                .build()) {
            assertThat(tiktok.send(event("order-6")).code()).isZero();
            assertThat(tiktok.sendAsync(event("order-7")).join().code()).isZero();
            assertThat(log).anyMatch(line -> line.contains("\"event_id\":\"order-6\""));
        } finally {
            applications.dispatcher().executorService().shutdown();
            applications.connectionPool().evictAll();
        }
    }

    private static Event event(String id) {
        return Event.builder("Purchase").eventId(id)
                .user(User.builder().email("jane@example.com").build())
                .page(Page.of("https://www.example.com/checkout"))
                .build();
    }

    /** The file names of the jars (or directories) that hold a class, in class path order. */
    private static List<String> jarsHolding(String resource) throws IOException {
        List<String> jars = new ArrayList<>();
        for (URL url : Collections.list(OkHttpApplicationTest.class.getClassLoader().getResources(resource))) {
            String location = url.toString();
            String container = location.substring(0, location.length() - resource.length() - 2);
            jars.add(container.substring(container.lastIndexOf('/') + 1));
        }
        return jars;
    }
}
