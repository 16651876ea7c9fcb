package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.PermissionDeniedException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Fail fast on errors that fail every event alike, and flushes that say whether everything was delivered. */
class DeliveryFailFastTest {
    private final DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();
    private final AtomicReference<TikTokException> refusal = new AtomicReference<>();
    private final DeliveryFakeSender sender = new DeliveryFakeSender(chunk -> {
        TikTokException error = refusal.get();
        if (error != null) {
            return CompletableFuture.failedFuture(error);
        }
        for (int i = 0; i < chunk.size(); i++) {
            if (chunk.get(i).bad) {
                return CompletableFuture.failedFuture(new InvalidRequestException(40002, "bad", "r-bad", 200, null));
            }
        }
        return CompletableFuture.completedFuture(DeliveryReply.accepted("r-ok"));
    });
    private final DeliveryEngine<DeliveryTestItem> engine = new DeliveryEngine<>(sender, DeliveryTestItem::id,
            DeliveryTestItem::bytes, ProcessorOptions.builder().maxBatchSize(10).maxRequestsInFlight(1)
                    .maxDelay(Duration.ofHours(1)).listener(listener).build(), scheduler, () -> 0.0);

    static Stream<TikTokException> errorsThatFailEveryEvent() {
        return Stream.of(new AuthenticationException(40105, "Access token is incorrect", "r1", 200, null),
                new AuthenticationException(TikTokApiException.NO_CODE, "Unauthorized", null, 401, null),
                new PermissionDeniedException(40001, "No permission", "r2", 200, null),
                new InvalidRequestException(40007, "Pixel does not exist", "r3", 200, null));
    }

    private void enqueue(String prefix, int count) {
        for (int i = 0; i < count; i++) {
            assertThat(engine.enqueue(DeliveryTestItem.good(prefix + i))).isTrue();
        }
    }

    private Boolean flush() {
        CompletableFuture<Boolean> verdict = engine.flushAsync();
        scheduler.runDue();
        assertThat(verdict).isDone();
        return verdict.join();
    }

    @ParameterizedTest
    @MethodSource("errorsThatFailEveryEvent")
    void aPermanentErrorStopsSendingAndFailsEverythingQueuedAtOnce(TikTokException error) {
        refusal.set(error);
        enqueue("e", 2000);

        assertThat(flush()).as("nothing was delivered").isFalse();

        assertThat(sender.callCount()).as("one request, not 200").isEqualTo(1);
        assertThat(listener.byId()).hasSize(2000).allSatisfy((id, outcomes) ->
                assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.error).isSameAs(error)));
        assertThat(engine.stats().failed()).isEqualTo(2000);
        assertThat(engine.stats().queueDepth()).isZero();
    }

    @Test
    void afterAMinuteOneBatchIsTriedAgainAndSuccessResumesDelivery() {
        refusal.set(new AuthenticationException(40105, "Access token is incorrect", "r1", 200, null));
        enqueue("a", 30);
        assertThat(flush()).isFalse();

        scheduler.advance(DeliveryHalt.RECHECK.minusSeconds(1));
        enqueue("b", 5);
        assertThat(flush()).isFalse();
        assertThat(sender.callCount()).as("still halted: failed without a request").isEqualTo(1);
        assertThat(listener.only("b4").error).isInstanceOf(AuthenticationException.class);

        refusal.set(null); // the token was fixed on TikTok's side
        scheduler.advance(Duration.ofSeconds(1));
        enqueue("c", 25);
        assertThat(flush()).as("everything since the previous flush was delivered").isTrue();
        assertThat(sender.callCount()).isEqualTo(4);
        assertThat(listener.only("c24").delivered()).isTrue();
    }

    @Test
    void oneBadEventIsIsolatedWithoutHaltingAndTheFlushSaysSo() {
        enqueue("a", 9);
        engine.enqueue(DeliveryTestItem.bad("bad"));
        enqueue("b", 10);

        assertThat(flush()).as("one event failed").isFalse();
        assertThat(listener.only("bad").error).isInstanceOf(InvalidRequestException.class);
        assertThat(listener.all()).filteredOn(DeliveryRecordingListener.Outcome::delivered).hasSize(19);

        enqueue("c", 10);
        assertThat(flush()).as("the flush covers events since the previous one").isTrue();
        assertThat(listener.all()).filteredOn(DeliveryRecordingListener.Outcome::delivered).hasSize(29);
    }

    @Test
    void aFlushAfterAFailureThatHappenedBeforeItStillReportsIt() {
        refusal.set(new PermissionDeniedException(40001, "No permission", "r2", 200, null));
        enqueue("e", 10); // a full batch goes at once
        scheduler.runDue();
        assertThat(listener.size()).isEqualTo(10);

        assertThat(flush()).isFalse();
        assertThat(flush()).as("nothing new since").isTrue();
    }
}
