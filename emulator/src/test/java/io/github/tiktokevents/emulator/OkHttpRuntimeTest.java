package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.FacadeClients.quickStartEvent;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.BatchResult;
import io.github.tiktokevents.HttpLogLevel;
import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.internal.http.SingleOkHttp;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The SDK on the OkHttp this test run has (surefire names it in {@code tiktok.okhttp}: OkHttp 4.12 in the default
 * run, OkHttp 5 in the {@code okhttp5} run): exactly that one OkHttp is on the class path, and sending works with the
 * HTTP log on, which is where an OkHttp 4 beside OkHttp 5 failed every request with {@code NoSuchMethodError}.
 */
@ExtendWith(TikTokEmulatorExtension.class)
class OkHttpRuntimeTest {
    @Test
    void exactlyTheOkHttpOfThisRunIsOnTheClassPath() {
        assertThat(SingleOkHttp.version()).isEqualTo(System.getProperty("tiktok.okhttp"));
        assertThat(SingleOkHttp.locations(TikTokEvents.class.getClassLoader())).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = HttpLogLevel.class, names = {"BASIC", "HEADERS", "BODY"})
    void sendsWithTheHttpLogOn(HttpLogLevel level, TikTokEmulator emulator) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        try (TikTokEvents tiktok = client(emulator, ApiEdition.EVENTS_V2, level, log)) {
            SendResult blocking = tiktok.send(quickStartEvent());
            SendResult async = tiktok.sendAsync(quickStartEvent()).get();

            assertThat(blocking.code()).isZero();
            assertThat(async.code()).isZero();
            assertThat(emulator.events()).hasSize(2);
            assertThat(log).anyMatch(line -> line.startsWith("<-- 200 "));
            if (level == HttpLogLevel.BODY) {
                assertThat(log).anyMatch(line -> line.contains("\"event_source\":\"web\""));
                assertThat(log).anyMatch(line -> line.contains("\"code\":0"));
            }
            assertThat(String.join("\n", log)).doesNotContain(emulator.accessToken());
        }
    }

    @Test
    void sendsAPixelBatchWithTheBodyLogged(TikTokEmulator emulator) {
        List<String> log = new CopyOnWriteArrayList<>();
        try (TikTokEvents tiktok = client(emulator, ApiEdition.PIXEL_V1, HttpLogLevel.BODY, log)) {
            BatchResult batch = tiktok.sendBatch(List.of(quickStartEvent(), quickStartEvent()));

            assertThat(batch.allSucceeded()).isTrue();
            assertThat(emulator.requests()).singleElement().satisfies(request -> assertThat(request.accepted()).isTrue());
            assertThat(log).anyMatch(line -> line.contains("\"batch\":["));
        }
    }

    private static TikTokEvents client(TikTokEmulator emulator, ApiEdition edition, HttpLogLevel level, List<String> log) {
        return TikTokEvents.builder()
                .baseUrl(emulator.baseUrl())
                .accessToken(emulator.accessToken())
                .pixelCode(Clients.PIXEL)
                .apiEdition(edition)
                .retryPolicy(RetryPolicy.none()) // a failure shows as itself, not as five retries
                .httpLogLevel(level)
                .httpLogger(log::add)
                .build();
    }
}
