package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.exception.TikTokException;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * TikTok's successful answer to one chunk, as a {@link DeliverySender} reports it: accepted as a whole (code 0),
 * or accepted with some events refused (code 20001, partial success, when the answer says which). Refused
 * events are named by their position in the chunk; each gets its own error, retried if retryable.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryReply {
    private static final DeliveryReply ACCEPTED_WITHOUT_ID = new DeliveryReply(null, Map.of());

    private final String requestId;
    private final Map<Integer, TikTokException> refusedByIndex;

    private DeliveryReply(String requestId, Map<Integer, TikTokException> refusedByIndex) {
        this.requestId = requestId;
        this.refusedByIndex = refusedByIndex;
    }

    /**
     * TikTok's answer to a chunk as an engine wants it. Code 20001 counts as accepted: TikTok documents no per-event
     * detail to tell which events it refused. Cancelling the reply (request timeout, forced close) cancels the HTTP
     * call, which a derived future would not do by itself.
     *
     * @param call the answer of one request
     * @return the reply
     */
    public static CompletableFuture<DeliveryReply> of(CompletableFuture<SendResult> call) {
        CompletableFuture<DeliveryReply> reply = call.thenApply(result -> accepted(result.requestId()));
        reply.whenComplete((ignored, failure) -> {
            if (reply.isCancelled()) {
                call.cancel(true);
            }
        });
        return reply;
    }

    /**
     * Every event of the chunk was accepted.
     *
     * @param requestId TikTok's {@code request_id}, or null
     * @return the reply
     */
    public static DeliveryReply accepted(String requestId) {
        return requestId == null ? ACCEPTED_WITHOUT_ID : new DeliveryReply(requestId, Map.of());
    }

    /**
     * The chunk was accepted except the events at the given positions.
     *
     * @param requestId TikTok's {@code request_id}, or null
     * @param refusedByIndex position in the chunk (from 0) to the error for that event
     * @return the reply
     */
    static DeliveryReply partiallyAccepted(String requestId, Map<Integer, TikTokException> refusedByIndex) {
        Objects.requireNonNull(refusedByIndex, "refusedByIndex");
        refusedByIndex.forEach((index, error) -> {
            Objects.requireNonNull(index, "index");
            Objects.requireNonNull(error, "error");
        });
        return new DeliveryReply(requestId, Collections.unmodifiableMap(new TreeMap<>(refusedByIndex)));
    }

    /** @return TikTok's {@code request_id}, or null */
    String requestId() {
        return requestId;
    }

    /** @return position in the chunk to the error of each refused event; empty when all were accepted */
    Map<Integer, TikTokException> refusedByIndex() {
        return refusedByIndex;
    }
}
