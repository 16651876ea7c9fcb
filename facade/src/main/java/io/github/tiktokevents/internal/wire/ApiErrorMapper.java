package io.github.tiktokevents.internal.wire;

import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.InvalidRequestException;
import io.github.tiktokevents.exception.PermissionDeniedException;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokTransportException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.ProtocolException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Turns TikTok's answer into a {@link SendResult} or a typed exception. TikTok answers HTTP 200 with a non-zero
 * {@code code} on most failures, so the envelope's code decides; the HTTP status decides only when the body is not
 * an envelope, read strictly ({@link Envelope}). A {@code Retry-After} header (seconds or an HTTP date) is kept on
 * every API exception. Everything the server sent that reaches a message, a result or a log passes through
 * {@link ServerText}: the access token cut out, control characters replaced, the length bounded.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class ApiErrorMapper {
    static final Set<Long> SUCCESS = Set.of(0L, SendResult.PARTIAL_SUCCESS);
    static final Set<Long> AUTHENTICATION = Set.of(40102L, 40104L, 40105L);
    static final Set<Long> PERMISSION = Set.of(40001L);
    static final Set<Long> INVALID_REQUEST = Set.of(40002L, 40007L);
    static final Set<Long> RATE_LIMIT = Set.of(40016L, 40100L, 40132L, 40133L);
    static final Set<Long> SERVER = Set.of(50000L, 50002L, 51065L);
    /** Known codes outside a family that a retry may still cure: integrations retry 40700 like a server error. */
    static final Set<Long> OTHER_RETRYABLE = Set.of(40700L);

    private final Clock clock;
    private final String secret;

    public ApiErrorMapper(Clock clock, String secret) {
        this.clock = clock;
        this.secret = secret;
    }

    /**
     * Maps one answer.
     *
     * @param httpStatus the HTTP status
     * @param retryAfterHeader the {@code Retry-After} header, or null
     * @param body the body, or null
     * @return the result of a successful call
     * @throws TikTokApiException for every failure
     */
    SendResult map(int httpStatus, String retryAfterHeader, String body) {
        Duration retryAfter = retryAfter(retryAfterHeader);
        Envelope envelope = null;
        try {
            envelope = body == null || body.isBlank() ? null : Envelope.read(body);
        } catch (IllegalArgumentException unreadable) {
            // Not TikTok's envelope (an HTML error page, a proxy, a truncated body): the HTTP status decides below.
        }
        if (envelope != null) {
            long code = envelope.code();
            String message = clean(envelope.message());
            String requestId = clean(envelope.requestId());
            if (SUCCESS.contains(code) && httpStatus >= 200 && httpStatus < 300) {
                return new SendResult(code, message, requestId, cleanData(envelope.data()));
            }
            if (!SUCCESS.contains(code)) {
                throw forCode(code, message, requestId, httpStatus, retryAfter);
            }
            throw forHttpStatus(httpStatus, message, requestId, retryAfter);
        }
        String problem = httpStatus >= 200 && httpStatus < 300
                ? "the response is not TikTok's JSON envelope" : "HTTP " + httpStatus + " without TikTok's JSON envelope";
        throw forHttpStatus(httpStatus, problem, null, retryAfter);
    }

    /**
     * Maps an answer too large to be TikTok's envelope; it is not read further.
     *
     * @param httpStatus the HTTP status
     * @param limitBytes the most the SDK reads
     * @return the error to throw
     */
    TikTokApiException oversized(int httpStatus, String retryAfterHeader, long limitBytes) {
        return forHttpStatus(httpStatus, "the answer (HTTP " + httpStatus + ") is larger than " + limitBytes
                + " bytes, so it is not TikTok's JSON envelope; it was not read", null, retryAfter(retryAfterHeader));
    }

    /**
     * Maps a redirect, which the SDK never follows: following it would hand the {@code Access-Token} header (and on
     * 307/308 the events) to whatever host the answer names, and after 301/302/303 a body-less GET whose
     * {@code code: 0} would read as a success.
     *
     * @param httpStatus the 3xx status
     * @param from the URL the request went to
     * @param location the {@code Location} header, or null
     * @return a non-retryable error naming the status and the host it pointed to
     */
    TikTokApiException redirect(int httpStatus, HttpUrl from, String location) {
        HttpUrl target = location == null ? null : from.resolve(location);
        String where = target == null ? "an unreadable location" : clean(target.host() + ":" + target.port());
        return new TikTokApiException(TikTokApiException.NO_CODE, "TikTok's address answered with a redirect (HTTP "
                + httpStatus + ") to " + where + "; the SDK never follows redirects, so neither the access token nor"
                + " the events were sent there. Check the base URL and any proxy in between", null, httpStatus, false,
                null);
    }

    static TikTokApiException forCode(long code, String message, String requestId, int httpStatus, Duration retryAfter) {
        if (AUTHENTICATION.contains(code)) {
            return new AuthenticationException(code, message, requestId, httpStatus, retryAfter);
        }
        if (PERMISSION.contains(code)) {
            return new PermissionDeniedException(code, message, requestId, httpStatus, retryAfter);
        }
        if (INVALID_REQUEST.contains(code)) {
            return new InvalidRequestException(code, message, requestId, httpStatus, retryAfter);
        }
        if (RATE_LIMIT.contains(code)) {
            return new RateLimitException(code, message, requestId, httpStatus, retryAfter);
        }
        if (SERVER.contains(code)) {
            return new ServerException(code, message, requestId, httpStatus, retryAfter);
        }
        return new TikTokApiException(code, message, requestId, httpStatus, OTHER_RETRYABLE.contains(code), retryAfter);
    }

    static TikTokApiException forHttpStatus(int status, String message, String requestId, Duration retryAfter) {
        long code = TikTokApiException.NO_CODE;
        if (status == 401) {
            return new AuthenticationException(code, message, requestId, status, retryAfter);
        }
        if (status == 403) {
            return new PermissionDeniedException(code, message, requestId, status, retryAfter);
        }
        if (status == 429) {
            return new RateLimitException(code, message, requestId, status, retryAfter);
        }
        if (status >= 500) {
            return new ServerException(code, message, requestId, status, retryAfter);
        }
        if (status >= 400) {
            return new InvalidRequestException(code, message, requestId, status, retryAfter);
        }
        // A 2xx (or odd 1xx/3xx) that is not an envelope: nothing says a retry helps, and nothing says TikTok took it.
        return new TikTokApiException(code, message, requestId, status, false, retryAfter);
    }

    /**
     * Maps a failure to get any answer. The message says whether the request can have reached TikTok; a failure
     * whose text the server chose (a malformed status line) keeps only a cleaned copy of that text.
     */
    TikTokTransportException transport(String operation, IOException cause) {
        String kind;
        if (cause instanceof UnknownHostException || cause instanceof ConnectException
                || cause instanceof NoRouteToHostException) {
            kind = " failed: " + cause.getClass().getSimpleName() + "; the request was not sent (no connection)";
        } else if (cause instanceof SocketTimeoutException || cause instanceof InterruptedIOException) {
            kind = " timed out or was cancelled; TikTok may or may not have received it"
                    + " (resending is safe: events are deduplicated on event_id)";
        } else {
            kind = " failed: " + cause.getClass().getSimpleName() + "; TikTok may or may not have received it"
                    + " (resending is safe: events are deduplicated on event_id)";
        }
        return new TikTokTransportException(operation + kind, cause instanceof ProtocolException ? cleanCause(cause) : cause);
    }

    private IOException cleanCause(IOException cause) {
        IOException cleaned = new ProtocolException(clean(cause.getMessage()));
        cleaned.setStackTrace(cause.getStackTrace());
        return cleaned;
    }

    /** Reads {@code Retry-After}: delta seconds or an HTTP date; null when absent or unreadable. */
    Duration retryAfter(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        boolean digits = true;
        for (int i = 0; i < value.length() && digits; i++) {
            digits = Character.isDigit(value.charAt(i));
        }
        if (digits) {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException tooLong) {
                return null;
            }
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(clock.instant(), at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException unreadable) {
            return null;
        }
    }

    private String clean(String text) {
        return ServerText.clean(text, secret);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> cleanData(Map<String, Object> data) {
        return data == null || data.isEmpty() ? data : (Map<String, Object>) ServerText.cleanTree(data, secret);
    }
}
