package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.Clients.PIXEL;
import static io.github.tiktokevents.emulator.FacadeClients.quickStartEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.tiktokevents.RetryPolicy;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.exception.InvalidRequestException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The facade's retries against the emulator's faults: a retryable answer is resent with the same event_id. */
@ExtendWith(TikTokEmulatorExtension.class)
class FacadeRetryTest {
    private static TikTokEvents retryingFacade(TikTokEmulator emulator) {
        return TikTokEvents.builder()
                .baseUrl(emulator.baseUrl())
                .accessToken(emulator.accessToken())
                .pixelCode(PIXEL)
                .retryPolicy(RetryPolicy.builder().maxAttempts(4).initialDelay(Duration.ofMillis(1))
                        .maxDelay(Duration.ofMillis(5)).build())
                .build();
    }

    @Test
    void rateLimitAndSystemErrorAreRetriedUntilTheEventIsAccepted(TikTokEmulator emulator) {
        emulator.faults().next(Fault.rateLimited(), Fault.systemError());

        try (TikTokEvents tiktok = retryingFacade(emulator)) {
            SendResult result = tiktok.send(quickStartEvent());

            assertThat(result.code()).isZero();
            assertThat(emulator.requests()).extracting(RecordedRequest::accepted).containsExactly(false, false, true);
            assertThat(emulator.requests()).allSatisfy(request ->
                    assertThat(request.events()).extracting(RecordedEvent::eventId).containsExactly("123456789"));
        }
    }

    @Test
    void anInvalidParameterIsNotRetried(TikTokEmulator emulator) {
        emulator.faults().next(Fault.code(TikTokCodes.INVALID_PARAMETER, "Invalid parameter"));

        try (TikTokEvents tiktok = retryingFacade(emulator)) {
            InvalidRequestException e = catchThrowableOfType(InvalidRequestException.class,
                    () -> tiktok.send(quickStartEvent()));

            assertThat(e.code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
            assertThat(emulator.requestCount()).isEqualTo(1);
        }
    }
}
