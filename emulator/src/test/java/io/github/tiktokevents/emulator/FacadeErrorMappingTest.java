package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.FacadeClients.facade;
import static io.github.tiktokevents.emulator.FacadeClients.quickStartEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every failure the emulator can show, through the facade's answer-to-exception mapping: the exception type, the
 * code, the request id the emulator answered with, whether a retry may help and how long TikTok asked to wait.
 */
class FacadeErrorMappingTest {
    @RegisterExtension
    static final TikTokEmulatorExtension EMULATOR = new TikTokEmulatorExtension();

    private TikTokEmulator emulator;
    private TikTokEvents tiktok;

    @BeforeEach
    void connect() {
        emulator = EMULATOR.emulator();
        tiktok = facade(emulator, ApiEdition.EVENTS_V2);
    }

    @AfterEach
    void disconnect() {
        tiktok.close();
    }

    @ParameterizedTest(name = "code {0} -> {1}, retryable {2}")
    @CsvSource({
            "40001, PermissionDeniedException, false",
            "40002, InvalidRequestException, false",
            "40007, InvalidRequestException, false",
            "40016, RateLimitException, true",
            "40100, RateLimitException, true",
            "40102, AuthenticationException, false",
            "40104, AuthenticationException, false",
            "40105, AuthenticationException, false",
            "40132, RateLimitException, true",
            "40133, RateLimitException, true",
            "40700, TikTokApiException, true",
            "50000, ServerException, true",
            "50002, ServerException, true",
            "51065, ServerException, true",
            "41999, TikTokApiException, false"})
    void eachReturnCodeIsThrownAsItsFamilyWithTheEmulatorsRequestId(long code, String type, boolean retryable) {
        emulator.faults().next(Fault.code(code, "injected " + code));

        TikTokApiException e = catchThrowableOfType(TikTokApiException.class, () -> tiktok.send(quickStartEvent()));

        RecordedRequest request = emulator.requests().get(0);
        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.apiMessage()).isEqualTo("injected " + code);
        assertThat(e.requestId()).isNotBlank().isEqualTo(request.requestId());
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.retryAfter()).isEmpty();
        assertThat(e.getMessage()).contains(Long.toString(code), request.requestId());
        assertThat(request.accepted()).isFalse();
    }

    @Test
    void partialSuccessIsAResultNotAnException() {
        emulator.faults().next(Fault.code(TikTokCodes.PARTIAL_SUCCESS, "Partial success"));

        SendResult result = tiktok.send(quickStartEvent());

        assertThat(result.isPartial()).isTrue();
        assertThat(result.code()).isEqualTo(20001);
        assertThat(result.message()).isEqualTo("Partial success");
        assertThat(result.requestId()).isEqualTo(emulator.requests().get(0).requestId());
    }

    @ParameterizedTest(name = "HTTP {0} with Retry-After {1} s")
    @CsvSource({"429, 7", "500, 3", "503, 2"})
    void httpErrorsWithRetryAfterAreRetryableAndKeepTheWait(int status, long seconds) {
        emulator.faults().next(Fault.httpError(status, Duration.ofSeconds(seconds)));

        TikTokApiException e = catchThrowableOfType(TikTokApiException.class, () -> tiktok.send(quickStartEvent()));

        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.requestId()).isEqualTo(emulator.requests().get(0).requestId());
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(seconds));
    }

    @Test
    void anHttp429CarryingTheRateLimitEnvelopeIsARateLimitException() {
        emulator.faults().next(new Fault.Answer(429, TikTokCodes.RATE_LIMITED, "Too many requests", Duration.ofSeconds(7)));

        RateLimitException e = catchThrowableOfType(RateLimitException.class, () -> tiktok.send(quickStartEvent()));

        assertThat(e.code()).isEqualTo(TikTokCodes.RATE_LIMITED);
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.requestId()).isEqualTo(emulator.requests().get(0).requestId());
        assertThat(e.retryAfter()).hasValue(Duration.ofSeconds(7));
    }

    @Test
    void theEmulatorsHttp429FaultIsARateLimitException() {
        emulator.faults().next(Fault.httpError(429, Duration.ofSeconds(7)));

        assertThat(catchThrowableOfType(TikTokApiException.class, () -> tiktok.send(quickStartEvent())))
                .isInstanceOf(RateLimitException.class);
    }

    @Test
    void aServerErrorStatusCarryingTheSystemErrorEnvelopeIsAServerException() {
        emulator.faults().next(Fault.httpError(503, Duration.ofSeconds(2)));

        TikTokApiException e = catchThrowableOfType(TikTokApiException.class, () -> tiktok.send(quickStartEvent()));

        assertThat(e).isInstanceOf(ServerException.class);
        assertThat(e.code()).isEqualTo(TikTokCodes.SYSTEM_ERROR);
    }

    @Test
    void aDroppedConnectionIsARetryableTransportFailure() {
        emulator.faults().next(Fault.dropConnection());

        TikTokTransportException e = catchThrowableOfType(TikTokTransportException.class,
                () -> tiktok.send(quickStartEvent()));

        assertThat(e.isRetryable()).isTrue();
        assertThat(e.getMessage()).doesNotContain(emulator.accessToken());
        assertThat(emulator.requests()).singleElement().satisfies(request -> assertThat(request.httpStatus()).isZero());
    }

    @Test
    void aTruncatedBodyIsAnApiErrorWithoutCodeOrRequestId() {
        emulator.faults().next(Fault.truncatedBody());

        TikTokApiException e = catchThrowableOfType(TikTokApiException.class, () -> tiktok.send(quickStartEvent()));

        assertThat(e.getClass()).isEqualTo(TikTokApiException.class);
        assertThat(e.code()).isEqualTo(TikTokApiException.NO_CODE);
        assertThat(e.requestId()).isNull();
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.apiMessage()).contains("not TikTok's JSON envelope");
    }

    @Test
    void aMalformedBodyIsAnApiErrorWithoutCodeOrRequestId() {
        emulator.faults().next(Fault.malformedBody());

        TikTokApiException e = catchThrowableOfType(TikTokApiException.class, () -> tiktok.send(quickStartEvent()));

        assertThat(e.getClass()).isEqualTo(TikTokApiException.class);
        assertThat(e.code()).isEqualTo(TikTokApiException.NO_CODE);
        assertThat(e.requestId()).isNull();
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void aWrongTokenGetsTheEmulatorsOwn40105() {
        try (TikTokEvents wrong = facade(emulator, ApiEdition.EVENTS_V2, "not-the-token")) {
            AuthenticationException e = catchThrowableOfType(AuthenticationException.class,
                    () -> wrong.send(quickStartEvent()));

            RecordedRequest request = emulator.requests().get(0);
            assertThat(request.fault()).isEmpty();
            assertThat(e.code()).isEqualTo(TikTokCodes.ACCESS_TOKEN_INVALID);
            assertThat(e.requestId()).isEqualTo(request.requestId());
            assertThat(e.isRetryable()).isFalse();
            assertThat(e.retryAfter()).isEmpty();
            assertThat(e.getMessage()).doesNotContain("not-the-token");
        }
    }
}
