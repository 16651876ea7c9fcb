package io.github.tiktokevents.internal.http;

import io.github.tiktokevents.HttpLogLevel;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.internal.delivery.DispatcherThreads;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Dispatcher;
import javax.net.SocketFactory;
import okhttp3.OkHttpClient;

/**
 * Makes the one {@link OkHttpClient} of a {@link TikTokEvents}, after checking that only one OkHttp is on the class
 * path ({@link SingleOkHttp}): finite timeouts, Nagle's algorithm off on every
 * connection ({@link NoDelay}), redirects never followed, interruptible sockets ({@link InterruptibleSockets}),
 * and, when logging is switched on, a bounded HTTP log that redacts {@code Access-Token} (and the token wherever
 * else it shows up) ({@link BoundedHttpLog}). A caller-supplied client keeps its own settings and pools: the SDK
 * sends through a client derived from it that adds only these.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class HttpClientFactory {
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

    private HttpClientFactory() {
    }

    public static OkHttpClient create(OkHttpClient callerClient, Duration connect, Duration read, Duration write,
                               Duration call, HttpLogLevel logLevel, Consumer<String> logSink, String secret) {
        ClassLoader okhttpLoader = OkHttpClient.class.getClassLoader();
        SingleOkHttp.require(okhttpLoader != null ? okhttpLoader : ClassLoader.getSystemClassLoader());
        OkHttpClient.Builder builder;
        if (callerClient != null) {
            builder = callerClient.newBuilder();
        } else {
            builder = new OkHttpClient.Builder()
                    .dispatcher(new Dispatcher(new DispatcherThreads()))
                    .connectTimeout(connect)
                    .readTimeout(read)
                    .writeTimeout(write)
                    .callTimeout(call);
        }
        if (callerClient == null || callerClient.socketFactory() == SocketFactory.getDefault()) {
            // a caller's own socket factory (a proxy's, a test's) is kept; then an interrupt waits for a timeout
            builder.socketFactory(new InterruptibleSockets());
        }
        // Never follow a redirect, whatever a caller's client says: the follow-up would carry the Access-Token
        // header (and on 307/308 the events) to the host the answer names. A 3xx becomes a typed error instead.
        builder.followRedirects(false).followSslRedirects(false);
        // first, before any network interceptor of a caller's client writes or inspects the request
        builder.networkInterceptors().add(0, new NoDelay());
        if (logLevel != HttpLogLevel.NONE) {
            builder.addInterceptor(new BoundedHttpLog(logLevel, logSink, secret));
        }
        return builder.build();
    }

    /**
     * Releases what a client made by {@link #create} holds: its threads and idle connections, waiting up to
     * {@code wait} for its dispatcher threads to end.
     *
     * @return false if the waiting thread was interrupted (the caller restores the flag)
     */
    public static boolean release(OkHttpClient client, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        ExecutorService executor = client.dispatcher().executorService();
        executor.shutdown();
        client.connectionPool().evictAll();
        try {
            if (executor instanceof DispatcherThreads) {
                ((DispatcherThreads) executor).awaitThreadsEnded(deadline);
            } else {
                executor.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
            }
            return true;
        } catch (InterruptedException e) {
            return false;
        } finally {
            client.connectionPool().evictAll(); // connections the last calls gave back
        }
    }
}
