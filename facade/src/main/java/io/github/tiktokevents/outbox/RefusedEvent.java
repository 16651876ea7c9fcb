package io.github.tiktokevents.outbox;

import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import java.time.Instant;
import java.util.Objects;

/**
 * An event TikTok refused for good (for instance code 40002, an invalid parameter, for this event alone), kept by an
 * {@link Outbox} with TikTok's answer until a user takes it: {@link Outbox#refusals(int)}, then
 * {@link Outbox#forget(java.util.List)}. Sending it again would be refused again; fix the data at its origin and
 * send a new event.
 *
 * <p>Immutable. Implementations store the event, {@link #code()}, {@link #message()}, {@link #requestId()} and
 * {@link #refusedAt()}, and make it again with the constructor when read back.
 */
public final class RefusedEvent {
    private final OutboxEvent event;
    private final long code;
    private final String message;
    private final String requestId;
    private final Instant refusedAt;

    /**
     * A refusal as stored.
     *
     * @param event the refused event, with its store key
     * @param code TikTok's code, or {@link TikTokApiException#NO_CODE} when the refusal carried none
     * @param message what was wrong: TikTok's message (or the SDK's, when it refused the event itself); not null
     * @param requestId TikTok's request id, or null
     * @param refusedAt when it was refused
     * @throws NullPointerException if the event, message or time is null
     */
    public RefusedEvent(OutboxEvent event, long code, String message, String requestId, Instant refusedAt) {
        this.event = Objects.requireNonNull(event, "event");
        this.code = code;
        this.message = Objects.requireNonNull(message, "message");
        this.requestId = requestId;
        this.refusedAt = Objects.requireNonNull(refusedAt, "refusedAt");
    }

    /**
     * The refusal of a claimed event with the error it failed with; what the processor gives {@link Outbox#refused}.
     *
     * @param event the claimed event
     * @param error the error: TikTok's code, message and request id are taken from a {@link TikTokApiException},
     *              the message alone from any other
     * @param refusedAt now
     * @return the refusal
     */
    public static RefusedEvent of(OutboxEvent event, TikTokException error, Instant refusedAt) {
        Objects.requireNonNull(error, "error");
        if (error instanceof TikTokApiException) {
            TikTokApiException api = (TikTokApiException) error;
            String said = api.apiMessage().isEmpty() ? api.getMessage() : api.apiMessage();
            return new RefusedEvent(event, api.code(), said, api.requestId(), refusedAt);
        }
        return new RefusedEvent(event, TikTokApiException.NO_CODE, String.valueOf(error.getMessage()), null, refusedAt);
    }

    /** @return the refused event as it was stored */
    public OutboxEvent event() {
        return event;
    }

    /** @return TikTok's code, or {@link TikTokApiException#NO_CODE} */
    public long code() {
        return code;
    }

    /** @return what was wrong: TikTok's message, or the SDK's when no message came from TikTok */
    public String message() {
        return message;
    }

    /** @return TikTok's request id, to quote to TikTok support; null when there was none */
    public String requestId() {
        return requestId;
    }

    /** @return when the event was refused */
    public Instant refusedAt() {
        return refusedAt;
    }

    /** Shows the event's key and id and the refusal; never the event's content. */
    @Override
    public String toString() {
        return "RefusedEvent{" + event + ", code=" + code + ", requestId=" + requestId + ", refusedAt=" + refusedAt
                + ", message=" + message + '}';
    }
}
