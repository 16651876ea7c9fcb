package io.github.tiktokevents;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.Page;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every connection the SDK writes a request on has Nagle's algorithm off, or a body written in pieces waits about
 * 40 ms for the server's delayed ACK on every request. Not a timing test: it reads the socket option at the moment
 * the request is about to be written.
 */
class NoNagleStallTest {
    @RegisterExtension
    final MockTikTok tiktok = MockTikTok.started();
    /** The option as each request found it, read by an interceptor placed after the SDK's own. */
    final List<Boolean> noDelayAtWrite = new CopyOnWriteArrayList<>();


    private final Interceptor recorder = chain -> {
        noDelayAtWrite.add(chain.connection().socket().getTcpNoDelay());
        return chain.proceed(chain.request());
    };

    @Test
    void theSdksOwnClientSendsWithNagleOff() throws Exception {
        try (TikTokEvents client = tiktok.clientBuilder().build()) {
            OkHttpClient sdkHttp = TikTokEventsTestAccess.httpClient(client);
            // the SDK's client as it is, plus a recorder after its interceptors: a request through it takes the
            // SDK's path to the socket (same pool, same network interceptors before the recorder)
            OkHttpClient observed = sdkHttp.newBuilder().addNetworkInterceptor(recorder).build();
            tiktok.answerOk();
            try (Response response = observed.newCall(post()).execute()) {
                assertThat(response.code()).isEqualTo(200);
            }
            tiktok.answerOk();
            client.send(webEvent()); // and the SDK's own send on the pooled connection afterwards
        }
        assertThat(noDelayAtWrite).containsExactly(true);
        assertThat(tiktok.take()).isNotNull();
        assertThat(tiktok.take()).isNotNull();
    }

    @Test
    void aCallerSuppliedClientIsSentThroughWithNagleOffAndLeftAsItWas() throws Exception {
        OkHttpClient mine = new OkHttpClient.Builder().addNetworkInterceptor(recorder).build();
        try (TikTokEvents client = tiktok.clientBuilder().httpClient(mine).build()) {
            tiktok.answerOk();
            client.send(webEvent());
        }
        // the caller's interceptor ran after the SDK's (the SDK derives its client from the caller's)
        assertThat(noDelayAtWrite).containsExactly(true);
        assertThat(mine.networkInterceptors()).containsExactly(recorder);
        assertThat(tiktok.take()).isNotNull();
    }

    @Test
    void aPlainOkHttpClientWouldHaveNagleOn() throws IOException {
        // the control: what the SDK corrects is OkHttp's default, so the tests above could fail
        OkHttpClient plain = new OkHttpClient.Builder().addNetworkInterceptor(recorder).build();
        tiktok.answerOk();
        try (Response response = plain.newCall(post()).execute()) {
            assertThat(response.code()).isEqualTo(200);
        }
        assertThat(noDelayAtWrite).containsExactly(false);
        plain.connectionPool().evictAll();
    }

    private Request post() {
        return new Request.Builder().url(tiktok.baseUrl() + "/open_api/v1.3/event/track/")
                .post(RequestBody.create(new byte[] {'{', '}'})).build();
    }

    private static Event webEvent() {
        return Event.builder("ViewContent", MockTikTok.DEFAULTS).eventId("n-1").timestamp("2023-02-01T00:00:00Z")
                .page(Page.of("https://shop.example")).build();
    }
}
