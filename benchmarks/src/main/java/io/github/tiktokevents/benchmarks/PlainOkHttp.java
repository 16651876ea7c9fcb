package io.github.tiktokevents.benchmarks;

import io.github.tiktokevents.internal.http.NoDelay;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The baseline of the throughput targets: what a hand-written integration on the SDK's own HTTP client would do. One
 * OkHttp client with default settings except {@code TCP_NODELAY}, set by the SDK's own interceptor as on the SDK's
 * client (on the client's sockets only; the loopback server keeps default socket options), posts pre-made
 * bodies, each handed to OkHttp in one piece ({@code RequestBody.create(byte[])}, one write into OkHttp's sink), and
 * reads each answer, which must be TikTok's code 0.
 */
final class PlainOkHttp implements AutoCloseable {
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final OkHttpClient client;
    private final String url;
    private final List<byte[]> bodies;

    PlainOkHttp(String url, List<byte[]> bodies) {
        // the SDK's own way to TCP_NODELAY, on the client side only: the server keeps its defaults
        this(new OkHttpClient.Builder().addNetworkInterceptor(new NoDelay()).build(), url, bodies);
    }

    PlainOkHttp(OkHttpClient client, String url, List<byte[]> bodies) {
        this.client = client;
        this.url = url;
        this.bodies = bodies;
    }

    /** The same client posting other bodies. */
    PlainOkHttp with(List<byte[]> otherBodies) {
        return new PlainOkHttp(client, url, otherBodies);
    }

    private Request request(byte[] body) {
        return new Request.Builder().url(url).header("Access-Token", "bench-token")
                .post(RequestBody.create(body, JSON)).build();
    }

    /** Posts every body, one request at a time on the calling thread, as a blocking integration would. */
    void postSequentially() throws IOException {
        for (byte[] body : bodies) {
            try (Response response = client.newCall(request(body)).execute()) {
                check(response);
            }
        }
    }

    /** Queues every body on OkHttp's dispatcher, which keeps {@code inFlight} requests going, and waits for all. */
    void postConcurrently(int inFlight) throws Exception {
        client.dispatcher().setMaxRequestsPerHost(inFlight);
        CountDownLatch answered = new CountDownLatch(bodies.size());
        AtomicReference<Exception> failure = new AtomicReference<>();
        for (byte[] body : bodies) {
            client.newCall(request(body)).enqueue(new Callback() {
                @Override
                public void onFailure(Call call, IOException e) {
                    failure.compareAndSet(null, e);
                    answered.countDown();
                }

                @Override
                public void onResponse(Call call, Response response) {
                    try (response) {
                        check(response);
                    } catch (IOException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        answered.countDown();
                    }
                }
            });
        }
        answered.await();
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static void check(Response response) throws IOException {
        String answer = response.body().string();
        if (!response.isSuccessful() || !answer.contains("\"code\":0,")) {
            throw new IOException("answered " + response.code() + " " + answer);
        }
    }

    @Override
    public void close() {
        client.dispatcher().executorService().shutdown();
        client.connectionPool().evictAll();
    }
}
