package io.github.tiktokevents.internal.http;

import io.github.tiktokevents.HttpLogLevel;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.internal.delivery.DispatcherThreads;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
import okhttp3.logging.HttpLoggingInterceptor;

/**
 * Makes the one {@link OkHttpClient} of a {@link TikTokEvents}: finite timeouts, Nagle's algorithm off on every
 * connection ({@link NoDelay}), and an HTTP log that redacts {@code Access-Token} (and the token wherever else it
 * shows up) when logging is switched on. A caller-supplied client keeps its own settings and pools: the SDK sends
 * through a client derived from it that only adds those two interceptors.
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
        // first, before any network interceptor of a caller's client writes or inspects the request
        builder.networkInterceptors().add(0, new NoDelay());
        if (logLevel != HttpLogLevel.NONE) {
            // The header is redacted by name; the token is also cut from any line, should an answer echo it.
            HttpLoggingInterceptor logging = new HttpLoggingInterceptor(line -> logSink.accept(line.replace(secret, "██")));
            logging.setLevel(HttpLoggingInterceptor.Level.valueOf(logLevel.name()));
            logging.redactHeader("Access-Token");
            builder.addInterceptor(logging);
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
