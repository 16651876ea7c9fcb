package io.github.tiktokevents.internal.http;

import io.github.tiktokevents.HttpLogLevel;
import io.github.tiktokevents.internal.wire.ServerText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.Buffer;

/**
 * The SDK's HTTP log: request and status lines, headers ({@code Access-Token} redacted) and, at
 * {@link HttpLogLevel#BODY}, at most {@link #MAX_BODY_CHARS} characters of each body. OkHttp's own logging
 * interceptor reads a whole answer into memory to log it, which lifts the SDK's bound on reading an answer: a
 * 50 MB, endless or gzip-bomb answer would exhaust the heap. Here an answer is only peeked at, up to the bound, and
 * the rest is left for the SDK's bounded read. Every logged line has the access token cut out and the server's
 * text cleaned of control characters ({@link ServerText}).
 */
final class BoundedHttpLog implements Interceptor {
    /** The most characters of a body the log shows. */
    static final int MAX_BODY_CHARS = 4096;
    private static final String TOKEN_HEADER = "Access-Token";

    private final HttpLogLevel level;
    private final Consumer<String> sink;
    private final String secret;

    BoundedHttpLog(HttpLogLevel level, Consumer<String> sink, String secret) {
        this.level = level;
        this.sink = sink;
        this.secret = secret;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestBody body = request.body();
        log("--> " + request.method() + " " + UrlText.withoutCredentials(request.url()) + (body == null ? "" : " (" + body.contentLength() + "-byte body)"));
        if (level != HttpLogLevel.BASIC) {
            headers(request.headers());
        }
        if (level == HttpLogLevel.BODY && body != null && !body.isOneShot()) {
            Buffer copy = new Buffer();
            body.writeTo(copy);
            log(prefix(copy, copy.size()));
        }
        long start = System.nanoTime();
        Response response;
        try {
            response = chain.proceed(request);
        } catch (IOException e) {
            log("<-- HTTP FAILED: " + e.getClass().getSimpleName());
            throw e;
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        log("<-- " + response.code() + " " + UrlText.withoutCredentials(response.request().url()) + " (" + millis + " ms)");
        if (level != HttpLogLevel.BASIC) {
            headers(response.headers());
        }
        if (level == HttpLogLevel.BODY) {
            // peek: reads at most the bound (after decompression), and leaves the answer to the SDK's own read
            Buffer peeked = new Buffer();
            var source = response.body().source().peek();
            long wanted = MAX_BODY_CHARS + overlap();
            boolean more = source.request(wanted + 1L);
            peeked.write(source, Math.min(wanted, source.getBuffer().size()));
            log(prefix(peeked, more ? -1 : peeked.size()));
        }
        return response;
    }

    private void headers(Headers headers) {
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            log(name + ": " + (TOKEN_HEADER.equalsIgnoreCase(name) ? "██" : headers.value(i)));
        }
    }

    /**
     * The first characters of a body, the token replaced; {@code totalBytes} -1 when the body goes on past what was
     * read. The cut must never fall inside the token, or its first part would be logged: the bound plus
     * {@link #overlap()} bytes are read, so that a token straddling the cut is seen whole and the cut moves to before
     * it; and when the read itself stopped short of the body's end, its last {@link #overlap()} characters are never
     * shown, since a token may begin there (in a body of multi-byte characters the read ends before the bound).
     */
    private String prefix(Buffer body, long totalBytes) throws IOException {
        long available = body.size();
        long readBytes = Math.min(available, MAX_BODY_CHARS + overlap());
        String read = body.readString(readBytes, StandardCharsets.UTF_8);
        int cut = Math.min(read.length(), MAX_BODY_CHARS);
        if (overlap() > 0) {
            if (readBytes < available || totalBytes < 0) {
                cut = (int) Math.min(cut, Math.max(0, read.length() - overlap()));
            }
            int straddling = read.indexOf(secret, Math.max(0, cut - secret.length() + 1));
            if (straddling >= 0 && straddling < cut) {
                cut = straddling;
            }
        }
        String shown = read.substring(0, cut);
        long shownBytes = shown.getBytes(StandardCharsets.UTF_8).length;
        String rest = totalBytes < 0 ? " ...(more not shown)"
                : totalBytes > shownBytes ? " ...(" + (totalBytes - shownBytes) + " more bytes)" : "";
        return redact(shown) + rest;
    }

    /** How far past the bound a token that starts before it can reach. */
    private long overlap() {
        return secret == null || secret.isEmpty() ? 0 : secret.length() - 1L;
    }

    private String redact(String text) {
        return secret == null || secret.isEmpty() ? text : text.replace(secret, "██");
    }

    private void log(String line) {
        sink.accept(ServerText.clean(redact(line), null, MAX_BODY_CHARS + 64));
    }
}
