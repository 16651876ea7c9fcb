package io.github.tiktokevents.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A misbehaviour the emulator can show instead of (or before) its normal answer; arm it with {@link Faults}.
 *
 * <pre>{@code
 * emulator.faults().next(Fault.rateLimited(), Fault.httpError(503, Duration.ofSeconds(2)));
 * emulator.faults().every(3, Fault.systemError());
 * }</pre>
 *
 * <p>A faulted request is recorded with {@link RecordedRequest#fault()} set and is never {@linkplain
 * RecordedRequest#accepted() accepted}, unless the fault is a pure {@link Delay}, after which the request is
 * answered normally.
 */
public sealed interface Fault permits Fault.Answer, Fault.Drop, Fault.RawBody, Fault.Delay {

    /**
     * TikTok's envelope with a chosen code, without looking at the request.
     *
     * @param httpStatus the HTTP status (TikTok uses 200 even for most failures)
     * @param code the envelope's {@code code}
     * @param message the envelope's {@code message}
     * @param retryAfter the {@code Retry-After} header to send, or {@code null} for none
     */
    record Answer(int httpStatus, long code, String message, Duration retryAfter) implements Fault {
        /**
         * Checks the arguments.
         *
         * @param httpStatus the HTTP status, 200 to 599
         * @param code the envelope's {@code code}
         * @param message the envelope's {@code message}
         * @param retryAfter the {@code Retry-After} header, not negative, or {@code null}
         */
        public Answer {
            checkStatus(httpStatus);
            Objects.requireNonNull(message, "message");
            if (retryAfter != null && retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative: " + retryAfter);
            }
        }
    }

    /** Closes the connection without sending any response, as a crashed or overloaded proxy does. */
    record Drop() implements Fault {
    }

    /**
     * Sends a response that is not TikTok's envelope (such as a proxy's HTML page, or a cut-off JSON body).
     *
     * @param httpStatus the HTTP status
     * @param contentType the {@code Content-Type} header
     * @param body the body, sent as UTF-8
     */
    record RawBody(int httpStatus, String contentType, String body) implements Fault {
        /**
         * Checks the arguments.
         *
         * @param httpStatus the HTTP status, 200 to 599
         * @param contentType the {@code Content-Type} header
         * @param body the body
         */
        public RawBody {
            checkStatus(httpStatus);
            Objects.requireNonNull(contentType, "contentType");
            Objects.requireNonNull(body, "body");
        }
    }

    /**
     * Waits before answering; then shows {@code then}, or answers normally when {@code then} is {@code null}.
     *
     * @param delay how long to wait (through the emulator's {@link Sleeper})
     * @param then the fault to show after waiting, or {@code null} to answer normally
     */
    record Delay(Duration delay, Fault then) implements Fault {
        /**
         * Checks the arguments.
         *
         * @param delay how long to wait, not negative
         * @param then the fault to show after waiting (not a delay), or {@code null}
         */
        public Delay {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
            if (then instanceof Delay) {
                throw new IllegalArgumentException("a delay cannot be followed by another delay");
            }
        }
    }

    /**
     * An HTTP 200 envelope with this code and message.
     *
     * @param code the envelope's {@code code}, such as {@link TikTokCodes#NO_PERMISSION}
     * @param message the envelope's {@code message}
     * @return the fault
     */
    static Fault code(long code, String message) {
        return new Answer(200, code, message, null);
    }

    /**
     * TikTok's rate limit: HTTP 200 with code {@link TikTokCodes#RATE_LIMITED 40100}.
     *
     * @return the fault
     */
    static Fault rateLimited() {
        return code(TikTokCodes.RATE_LIMITED, "Too many requests. Please retry in some time.");
    }

    /**
     * TikTok's system error: HTTP 200 with code {@link TikTokCodes#SYSTEM_ERROR 50000}.
     *
     * @return the fault
     */
    static Fault systemError() {
        return code(TikTokCodes.SYSTEM_ERROR, "System error");
    }

    /**
     * An HTTP error status (such as 429, 500 or 503) with a {@code Retry-After} header and a matching envelope: the
     * rate-limit code 40100 for 429, the system-error code 50000 otherwise.
     *
     * @param httpStatus the HTTP status, 200 to 599
     * @param retryAfter the {@code Retry-After} value (sent in whole seconds, rounded up), or {@code null} for none
     * @return the fault
     */
    static Fault httpError(int httpStatus, Duration retryAfter) {
        long code = httpStatus == 429 ? TikTokCodes.RATE_LIMITED : TikTokCodes.SYSTEM_ERROR;
        return new Answer(httpStatus, code, "HTTP " + httpStatus, retryAfter);
    }

    /**
     * Closes the connection without any response.
     *
     * @return the fault
     */
    static Fault dropConnection() {
        return new Drop();
    }

    /**
     * HTTP 200 whose JSON envelope is cut off half-way, as when a proxy loses the end of a response.
     *
     * @return the fault
     */
    static Fault truncatedBody() {
        return new RawBody(200, "application/json", "{\"code\":0,\"message\":\"OK\",\"request_id\":\"2023");
    }

    /**
     * HTTP 200 with an HTML page where the JSON envelope should be, as a misconfigured gateway answers.
     *
     * @return the fault
     */
    static Fault malformedBody() {
        return new RawBody(200, "text/html; charset=utf-8", "<html><body><h1>502 Bad Gateway</h1></body></html>");
    }

    /**
     * Waits, then answers normally.
     *
     * @param delay how long to wait
     * @return the fault
     */
    static Fault delay(Duration delay) {
        return new Delay(delay, null);
    }

    /**
     * Waits, then shows another fault (a slow failure).
     *
     * @param delay how long to wait
     * @param then the fault to show after waiting; not a delay
     * @return the fault
     */
    static Fault delayed(Duration delay, Fault then) {
        return new Delay(delay, Objects.requireNonNull(then, "then"));
    }

    private static void checkStatus(int httpStatus) {
        if (httpStatus < 200 || httpStatus > 599) {
            throw new IllegalArgumentException("httpStatus must be 200 to 599: " + httpStatus);
        }
    }
}
