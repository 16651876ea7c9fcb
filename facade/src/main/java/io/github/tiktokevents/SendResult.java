package io.github.tiktokevents;

import io.github.tiktokevents.internal.wire.ServerText;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * TikTok accepted a request: {@code code} 0, or 20001 for a partial success. Immutable.
 *
 * <pre>{@code
 * SendResult result = tiktok.send(event);
 * if (result.isPartial()) {
 *     log.warn("TikTok took only part of request {}: {} {}", result.requestId(), result.message(), result.data());
 * }
 * }</pre>
 */
public final class SendResult {
    /** The code of a partial success: a success whose {@link #data()} says what was not taken. */
    public static final long PARTIAL_SUCCESS = 20001;

    private final long code;
    private final String message;
    private final String requestId;
    private final Map<String, Object> data;

    /**
     * Creates a result, as the client does from TikTok's answer; public so that code which handles results can be
     * tested without a server.
     *
     * @param code TikTok's code: 0, or {@link #PARTIAL_SUCCESS}
     * @param message TikTok's message; null reads as empty
     * @param requestId TikTok's request id, or null
     * @param data TikTok's free-form {@code data}, or null for none; copied
     */
    public SendResult(long code, String message, String requestId, Map<String, Object> data) {
        this.code = code;
        this.message = message == null ? "" : message;
        this.requestId = requestId;
        // not Map.copyOf: TikTok's data may hold JSON nulls, which it refuses; most answers' data is empty
        this.data = data == null || data.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(data));
    }

    /** @return TikTok's code: 0, or {@link #PARTIAL_SUCCESS} */
    public long code() {
        return code;
    }

    /** @return TikTok's message, such as {@code OK}; empty if none */
    public String message() {
        return message;
    }

    /** @return TikTok's request id, or null when the answer had none */
    public String requestId() {
        return requestId;
    }

    /** @return whether TikTok reported a partial success (code 20001); see {@link #data()} */
    public boolean isPartial() {
        return code == PARTIAL_SUCCESS;
    }

    /** @return TikTok's free-form {@code data}, as Gson reads it (maps, lists, strings, doubles, booleans); unmodifiable */
    public Map<String, Object> data() {
        return data;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "SendResult{code=" + code + ", message=" + message + ", requestId=" + requestId
                + (isPartial() ? ", partial, data=" + ServerText.clean(String.valueOf(data), null) : "") + '}';
    }
}
