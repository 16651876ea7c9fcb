package io.github.tiktokevents.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.internal.delivery.DeliveryTestScheduler;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import org.junit.jupiter.api.Test;

/** The SDK's own call timeout, on an injected clock: which calls are cancelled, when, and how they then fail. */
class CallDeadlinesTest {
    private final OkHttpClient okhttp = new OkHttpClient();
    private final DeliveryTestScheduler scheduler = new DeliveryTestScheduler();

    private Call newCall() {
        return okhttp.newCall(new Request.Builder().url("http://localhost/").build());
    }

    @Test
    void aCallOlderThanTheTimeoutIsCancelledAtTheNextSweepAndFailsAsATimeout() {
        CallDeadlines deadlines = new CallDeadlines(Duration.ofSeconds(60), scheduler);
        Call slow = newCall();
        deadlines.started(slow);
        scheduler.advance(Duration.ofSeconds(30));
        Call later = newCall();
        deadlines.started(later);

        scheduler.advance(Duration.ofMillis(29_999));
        assertThat(slow.isCanceled()).as("59.999 s old").isFalse();
        scheduler.advance(Duration.ofSeconds(1));

        assertThat(slow.isCanceled()).as("one tick after its deadline").isTrue();
        assertThat(later.isCanceled()).as("30 s old").isFalse();
        IOException failure = deadlines.failure(slow, new IOException("Canceled"));
        assertThat(failure).isInstanceOf(InterruptedIOException.class).hasMessageContaining("call timeout (PT1M)")
                .hasCauseInstanceOf(IOException.class);
        IOException other = new IOException("Connection reset");
        assertThat(deadlines.failure(later, other)).as("not cancelled for time").isSameAs(other);
    }

    @Test
    void aCallThatEndsInTimeIsForgottenAndSweepsStopWhenNoneIsInFlight() {
        CallDeadlines deadlines = new CallDeadlines(Duration.ofSeconds(5), scheduler);
        assertThat(deadlines.tick()).isEqualTo(Duration.ofMillis(500));
        Call call = newCall();
        deadlines.started(call);
        assertThat(scheduler.pendingTasks()).isEqualTo(1);
        scheduler.advance(Duration.ofSeconds(2));
        deadlines.finished(call);
        scheduler.advance(Duration.ofSeconds(10));

        assertThat(call.isCanceled()).isFalse();
        assertThat(deadlines.inFlight()).isZero();
        assertThat(scheduler.pendingTasks()).as("no sweep while nothing runs").isZero();

        Call next = newCall();
        deadlines.started(next);
        assertThat(scheduler.pendingTasks()).as("the next call starts the sweeps again").isEqualTo(1);
        scheduler.advance(Duration.ofMillis(5_500));
        assertThat(next.isCanceled()).isTrue();
        assertThat(deadlines.inFlight()).isZero();
    }

    @Test
    void theTickIsATenthOfTheTimeoutBetweenOneMillisecondAndOneSecond() {
        assertThat(new CallDeadlines(Duration.ofSeconds(60), scheduler).tick()).isEqualTo(Duration.ofSeconds(1));
        assertThat(new CallDeadlines(Duration.ofMillis(300), scheduler).tick()).isEqualTo(Duration.ofMillis(30));
        assertThat(new CallDeadlines(Duration.ofMillis(3), scheduler).tick()).isEqualTo(Duration.ofMillis(1));
    }

    @Test
    void noTimeoutTracksNothing() {
        CallDeadlines deadlines = new CallDeadlines(Duration.ZERO, scheduler);
        Call call = newCall();
        deadlines.started(call);
        scheduler.advance(Duration.ofDays(1));
        assertThat(call.isCanceled()).isFalse();
        assertThat(scheduler.pendingTasks()).isZero();
        IOException failure = new IOException("Canceled");
        assertThat(deadlines.failure(call, failure)).isSameAs(failure);
    }

    @Test
    void aClosedSchedulerStopsTheSweepsWithoutFailingTheCall() {
        CallDeadlines deadlines = new CallDeadlines(Duration.ofSeconds(1), scheduler);
        scheduler.shutdown();
        Call call = newCall();
        deadlines.started(call); // the client is closing: its close cancels the call itself
        deadlines.finished(call);
        assertThat(deadlines.inFlight()).isZero();
    }
}
