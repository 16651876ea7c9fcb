package io.github.tiktokevents.internal.wire;

import java.util.Map;

/**
 * Recognises the one shape almost every TikTok answer has, {@code {"code":0,"message":"OK","request_id":"...",
 * "data":{}}}, byte for byte, without a JSON reader. Gson's reader allocates about 2.5 KB of buffers per answer
 * (a 1,024-character buffer and its stacks), which was most of what the SDK allocated per request beyond plain
 * OkHttp; this costs a scan of the answer and its two strings.
 *
 * <p>Only a subset of what {@link Envelope#read} accepts is recognised here, and it reads to exactly what the JSON
 * reader would: the keys in this order with nothing between the tokens, an integer code of at most nine digits
 * without a sign or leading zero, a message and a request id of printable ASCII without quotes or backslashes
 * (so no escapes to decode), and an empty {@code data} object. Anything else, including every malformed answer, is
 * left to the JSON reader.
 */
final class FlatEnvelope {
    private static final String CODE = "{\"code\":";
    private static final String MESSAGE = ",\"message\":\"";
    private static final String REQUEST_ID = "\",\"request_id\":\"";
    private static final String DATA_AND_END = "\",\"data\":{}}";
    private static final int MAX_CODE_DIGITS = 9;

    private FlatEnvelope() {
    }

    /**
     * @param body an answer's whole body
     * @return its envelope, or null if the body is not exactly this flat shape (then read it with a JSON reader)
     */
    static Envelope read(String body) {
        if (!body.startsWith(CODE)) {
            return null;
        }
        int at = CODE.length();
        int codeEnd = digitsEnd(body, at);
        int digits = codeEnd - at;
        if (digits == 0 || digits > MAX_CODE_DIGITS || (digits > 1 && body.charAt(at) == '0')
                || !body.startsWith(MESSAGE, codeEnd)) {
            return null;
        }
        int messageStart = codeEnd + MESSAGE.length();
        int messageEnd = plainTextEnd(body, messageStart);
        if (!body.startsWith(REQUEST_ID, messageEnd)) {
            return null;
        }
        int requestIdStart = messageEnd + REQUEST_ID.length();
        int requestIdEnd = plainTextEnd(body, requestIdStart);
        if (requestIdEnd + DATA_AND_END.length() != body.length() || !body.startsWith(DATA_AND_END, requestIdEnd)) {
            return null;
        }
        return new Envelope(Long.parseLong(body, at, codeEnd, 10), body.substring(messageStart, messageEnd),
                body.substring(requestIdStart, requestIdEnd), Map.of());
    }

    private static int digitsEnd(String body, int from) {
        int i = from;
        while (i < body.length() && body.charAt(i) >= '0' && body.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** Where a run of printable ASCII other than a quote or a backslash ends: such a string needs no decoding. */
    private static int plainTextEnd(String body, int from) {
        int i = from;
        while (i < body.length()) {
            char c = body.charAt(i);
            if (c < 0x20 || c > 0x7E || c == '"' || c == '\\') {
                break;
            }
            i++;
        }
        return i;
    }
}
