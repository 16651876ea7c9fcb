package io.github.tiktokevents.emulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import tools.jackson.databind.node.ObjectNode;

/** Writes the emulator's answers: TikTok's envelope, a raw body, or nothing at all (a dropped connection). */
final class Responses {
    private Responses() {
    }

    static void envelope(HttpExchange exchange, int httpStatus, long code, String message, String requestId,
            Duration retryAfter) throws IOException {
        ObjectNode envelope = ParsedBody.MAPPER.createObjectNode();
        envelope.put("code", code);
        envelope.put("message", message);
        envelope.put("request_id", requestId);
        envelope.putObject("data");
        // TikTok sends its request id in this header too
        exchange.getResponseHeaders().set("X-Tt-Logid", requestId);
        if (retryAfter != null) {
            long seconds = retryAfter.getSeconds() + (retryAfter.getNano() > 0 ? 1 : 0);
            exchange.getResponseHeaders().set("Retry-After", Long.toString(seconds));
        }
        if (httpStatus == 405) {
            exchange.getResponseHeaders().set("Allow", "POST");
        }
        send(exchange, httpStatus, "application/json; charset=utf-8",
                ParsedBody.MAPPER.writeValueAsBytes(envelope));
    }

    static void raw(HttpExchange exchange, Fault.RawBody raw) throws IOException {
        send(exchange, raw.httpStatus(), raw.contentType(), raw.body().getBytes(StandardCharsets.UTF_8));
    }

    /** Closing an exchange before any response header is sent closes the connection: the client reads nothing. */
    static void drop(HttpExchange exchange) {
        exchange.close();
    }

    private static void send(HttpExchange exchange, int httpStatus, String contentType, byte[] body)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(httpStatus, head ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            if (!head) {
                out.write(body);
            }
        }
    }
}
