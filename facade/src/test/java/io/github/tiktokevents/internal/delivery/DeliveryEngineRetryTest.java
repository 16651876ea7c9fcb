package io.github.tiktokevents.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokTransportException;
import io.github.tiktokevents.processor.DeliveryListener;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class DeliveryEngineRetryTest {
    private static final RetryPolicy POLICY = RetryPolicy.builder()
            .maxAttempts(4)
            .initialDelay(Duration.ofMillis(100))
            .multiplier(2.0)
            .maxDelay(Duration.ofSeconds(10))
            .maxElapsed(Duration.ofMinutes(1))
            .build();

    private final DeliveryTestScheduler scheduler = new DeliveryTestScheduler();
    private final DeliveryRecordingListener listener = new DeliveryRecordingListener();

    private DeliveryEngine<DeliveryTestItem> engine(DeliveryFakeSender sender, RetryPolicy policy) {
        ProcessorOptions options = ProcessorOptions.builder()
                .retryPolicy(policy)
                .requestTimeout(Duration.ofSeconds(2))
                .listener(listener)
                .build();
        return new DeliveryEngine<>(sender, DeliveryTestItem::id, DeliveryTestItem::bytes, options, scheduler, () -> 0.0);
    }

    /** A sender that fails its first {@code failures} calls with {@code error} and accepts the rest. */
    private static DeliveryFakeSender failingFirst(int failures, TikTokException error) {
        AtomicInteger calls = new AtomicInteger();
        return new DeliveryFakeSender(chunk -> calls.getAndIncrement() < failures
                ? CompletableFuture.failedFuture(error)
                : CompletableFuture.completedFuture(DeliveryReply.accepted("ok")));
    }

    private static ServerException server() {
        return new ServerException(50000, "busy", "r-server", 200, null);
    }

    private void sendOne(DeliveryEngine<DeliveryTestItem> engine, String id) {
        engine.enqueue(DeliveryTestItem.good(id));
        engine.flushAsync();
        scheduler.runDue();
    }

    @Test
    void retryableFailuresAreRetriedAfterExponentialWaitsThenDelivered() {
        DeliveryFakeSender sender = failingFirst(2, server());
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, POLICY);

        sendOne(engine, "e");
        assertThat(sender.callCount()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(99));
        assertThat(sender.callCount()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.callCount()).isEqualTo(2);
        scheduler.advance(Duration.ofMillis(199));
        assertThat(sender.callCount()).isEqualTo(2);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.callCount()).isEqualTo(3);

        assertThat(listener.only("e").delivered()).isTrue();
        assertThat(engine.stats().retried()).isEqualTo(2);
        assertThat(engine.stats().requests()).isEqualTo(3);
    }

    @Test
    void retryAfterFromTikTokIsHonoured() {
        DeliveryFakeSender sender = failingFirst(1, new RateLimitException(40100, "slow", "r", 429, Duration.ofSeconds(5)));
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, POLICY);

        sendOne(engine, "e");
        scheduler.advance(Duration.ofMillis(4999));
        assertThat(sender.callCount()).isEqualTo(1);
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.callCount()).isEqualTo(2);
        assertThat(listener.only("e").delivered()).isTrue();
    }

    @Test
    void nonRetryableFailuresFailAtOnce() {
        AuthenticationException denied = new AuthenticationException(40105, "token expired", "r-auth", 200, null);
        DeliveryFakeSender sender = failingFirst(Integer.MAX_VALUE, denied);
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, POLICY);

        sendOne(engine, "e");
        scheduler.runAll();
        assertThat(sender.callCount()).isEqualTo(1);
        assertThat(listener.only("e").error).isSameAs(denied);
    }

    @Test
    void exhaustedRetriesReportTheLastError() {
        DeliveryFakeSender sender = failingFirst(Integer.MAX_VALUE, server());
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, POLICY);

        sendOne(engine, "e");
        scheduler.advance(Duration.ofMillis(100 + 200 + 399));
        assertThat(sender.callCount()).isEqualTo(3);
        assertThat(listener.size()).isZero();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.callCount()).isEqualTo(4);
        assertThat(listener.only("e").error).isInstanceOf(ServerException.class);
        scheduler.runAll();
        assertThat(sender.callCount()).isEqualTo(4);
    }

    @Test
    void totalRetryTimeIsBounded() {
        RetryPolicy shortBudget = RetryPolicy.builder()
                .maxAttempts(100).initialDelay(Duration.ofMillis(100)).maxElapsed(Duration.ofSeconds(1)).build();
        DeliveryFakeSender sender = failingFirst(Integer.MAX_VALUE,
                new RateLimitException(40133, "slow", "r", 200, Duration.ofMillis(400)));
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, shortBudget);

        sendOne(engine, "e");
        scheduler.runAll();
        assertThat(sender.callCount()).isEqualTo(3); // at 0, 0.4 s and 0.8 s; a wait to 1.2 s is past the budget
        assertThat(listener.only("e").error).isInstanceOf(RateLimitException.class);
    }

    @Test
    void aRequestThatNeverAnswersTimesOutIsCancelledAndRetried() {
        DeliveryFakeSender sender = DeliveryFakeSender.answeringLater();
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, RetryPolicy.builder().maxAttempts(2).build());

        sendOne(engine, "e");
        scheduler.advance(Duration.ofMillis(1999));
        assertThat(sender.call(0).answer).isNotDone();
        scheduler.advance(Duration.ofMillis(1));
        assertThat(sender.call(0).answer).isCancelled();
        scheduler.runAll();
        assertThat(sender.callCount()).isEqualTo(2);
        assertThat(sender.call(1).answer).isCancelled();
        TikTokException error = listener.only("e").error;
        assertThat(error).isInstanceOf(TikTokTransportException.class).hasMessageContaining("requestTimeout");
    }

    @Test
    void aSenderThatThrowsIsTreatedLikeAFailedRequest() {
        AtomicInteger calls = new AtomicInteger();
        DeliveryFakeSender sender = new DeliveryFakeSender(chunk -> {
            int call = calls.getAndIncrement();
            if (call == 0) {
                throw new TikTokTransportException("connection refused", null);
            }
            if (call == 1) {
                return CompletableFuture.completedFuture(DeliveryReply.accepted("ok"));
            }
            throw new IllegalStateException("sender bug");
        });
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, POLICY);

        sendOne(engine, "retried");
        scheduler.runAll();
        sendOne(engine, "broken");
        scheduler.runAll();

        assertThat(listener.only("retried").delivered()).isTrue();
        TikTokException error = listener.only("broken").error;
        assertThat(error.isRetryable()).isFalse();
        assertThat(error).hasMessageContaining("unexpectedly").hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void partialSuccessDeliversTheAcceptedRetriesTheRetryableAndFailsTheRefused() {
        InvalidRequestException badTime = new InvalidRequestException(40002, "event_time too old", "r", 200, null);
        AtomicInteger calls = new AtomicInteger();
        DeliveryFakeSender sender = new DeliveryFakeSender(chunk -> calls.getAndIncrement() == 0
                ? CompletableFuture.completedFuture(DeliveryReply.partiallyAccepted("r1",
                        Map.of(1, badTime, 2, new ServerException(50002, "try later", "r1", 200, null))))
                : CompletableFuture.completedFuture(DeliveryReply.accepted("r2")));
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, POLICY);

        for (String id : List.of("a", "b", "c", "d")) {
            engine.enqueue(DeliveryTestItem.good(id));
        }
        engine.flushAsync();
        scheduler.runAll();

        assertThat(sender.call(1).ids).containsExactly("c");
        assertThat(listener.only("a").requestId).isEqualTo("r1");
        assertThat(listener.only("b").error).isSameAs(badTime);
        assertThat(listener.only("c").requestId).isEqualTo("r2");
        assertThat(listener.only("d").delivered()).isTrue();
    }

    @Test
    void aBatchRefusedForBadEventsIsSplitUntilTheBadOnesAreIsolated() {
        DeliveryFakeSender sender = new DeliveryFakeSender(refusingBadItems());
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, POLICY);

        for (int i = 0; i < 16; i++) {
            engine.enqueue(i == 3 || i == 11 ? DeliveryTestItem.bad("e" + i) : DeliveryTestItem.good("e" + i));
        }
        engine.flushAsync();
        scheduler.runAll();

        assertThat(listener.byId()).hasSize(16);
        for (int i = 0; i < 16; i++) {
            DeliveryRecordingListener.Outcome outcome = listener.only("e" + i);
            if (i == 3 || i == 11) {
                assertThat(outcome.error).isInstanceOf(InvalidRequestException.class).hasMessageContaining("40002");
            } else {
                assertThat(outcome.delivered()).as("e%d", i).isTrue();
            }
        }
        // Binary splitting: at most 2 requests per level per bad event, plus the first one.
        assertThat(sender.callCount()).isLessThanOrEqualTo(1 + 2 * 2 * 4);
        assertThat(engine.stats().failed()).isEqualTo(2);
    }

    @Test
    void aSingleRefusedEventIsNotSplitFurther() {
        DeliveryFakeSender sender = new DeliveryFakeSender(refusingBadItems());
        DeliveryEngine<DeliveryTestItem> engine = engine(sender, POLICY);

        engine.enqueue(DeliveryTestItem.bad("bad"));
        engine.flushAsync();
        scheduler.runAll();
        assertThat(sender.callCount()).isEqualTo(1);
        assertThat(listener.only("bad").error).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aRefusalOfTheWholeRequestIsNotSplit() {
        // 404 without an envelope (a wrong base URL) and 40007 (no such pixel) hold for every half: splitting
        // 1,000 events would cost about 2,000 requests before failing them all anyway
        for (InvalidRequestException refusal : List.of(
                new InvalidRequestException(TikTokApiException.NO_CODE, "HTTP error", null, 404, null),
                new InvalidRequestException(40007, "Target object does not exist", "r-7", 200, null))) {
            DeliveryRecordingListener heard = new DeliveryRecordingListener();
            DeliveryFakeSender sender = new DeliveryFakeSender(chunk -> CompletableFuture.failedFuture(refusal));
            ProcessorOptions options = ProcessorOptions.builder().retryPolicy(POLICY).listener(heard).build();
            DeliveryEngine<DeliveryTestItem> engine = new DeliveryEngine<>(sender, DeliveryTestItem::id,
                    DeliveryTestItem::bytes, options, scheduler, () -> 0.0);

            for (int i = 0; i < 16; i++) {
                engine.enqueue(DeliveryTestItem.good("e" + i));
            }
            engine.flushAsync();
            scheduler.runAll();

            assertThat(sender.callCount()).as("requests for %s", refusal.getMessage()).isEqualTo(1);
            assertThat(heard.byId()).hasSize(16).allSatisfy((id, outcomes) ->
                    assertThat(outcomes).singleElement().satisfies(outcome -> assertThat(outcome.error).isSameAs(refusal)));
        }
    }

    @Test
    void aListenerThatThrowsAnErrorDoesNotStopTheOthersBeingSettled() {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        DeliveryListener throwing = new DeliveryListener() {
            @Override
            public void delivered(String eventId, String requestId) {
                heard.add(eventId);
                if (eventId.equals("e1")) {
                    throw new AssertionError("a listener's own assertion");
                }
            }

            @Override
            public void failed(String eventId, TikTokException error) {
                heard.add(eventId);
            }
        };
        ProcessorOptions options = ProcessorOptions.builder().retryPolicy(POLICY).listener(throwing).build();
        DeliveryEngine<DeliveryTestItem> engine = new DeliveryEngine<>(DeliveryFakeSender.acceptingAll(),
                DeliveryTestItem::id, DeliveryTestItem::bytes, options, scheduler, () -> 0.0);

        for (int i = 0; i < 4; i++) {
            engine.enqueue(DeliveryTestItem.good("e" + i));
        }
        CompletableFuture<Boolean> flushed = engine.flushAsync();
        scheduler.runAll();

        assertThat(heard).containsExactlyInAnyOrder("e0", "e1", "e2", "e3");
        assertThat(flushed).isCompleted();
        assertThat(engine.stats().delivered()).isEqualTo(4);
    }

    /** Like TikTok: one invalid event makes the whole request fail with 40002. */
    static Function<List<DeliveryTestItem>, CompletableFuture<DeliveryReply>> refusingBadItems() {
        return chunk -> chunk.stream().anyMatch(item -> item.bad)
                ? CompletableFuture.failedFuture(new InvalidRequestException(40002, "Invalid parameter", "r-bad", 200, null))
                : CompletableFuture.completedFuture(DeliveryReply.accepted("r-good"));
    }
}
