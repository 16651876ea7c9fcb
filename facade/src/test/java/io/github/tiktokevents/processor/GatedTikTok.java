package io.github.tiktokevents.processor;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/**
 * A TikTok that accepts everything, but holds every answer until the test opens the gate (or answers after a
 * fixed delay), so tests can catch the processor with requests in flight. Records the ids that arrived and the
 * shape of each request.
 */
final class GatedTikTok extends Dispatcher {
    /** One request as TikTok saw it. */
    static final class Seen {
        final String path;
        final String source;
        final int events;

        Seen(String path, String source, int events) {
            this.path = path;
            this.source = source;
            this.events = events;
        }
    }

    private final CountDownLatch gate = new CountDownLatch(1);
    private final long delayMillis;
    final Set<String> ids = ConcurrentHashMap.newKeySet();
    final List<Seen> requests = new CopyOnWriteArrayList<>();
    final AtomicInteger arrived = new AtomicInteger();

    /** Holds every answer until {@link #open()}. */
    static GatedTikTok closed() {
        return new GatedTikTok(-1);
    }

    /** Answers every request after a delay. */
    static GatedTikTok slow(long delayMillis) {
        GatedTikTok tiktok = new GatedTikTok(delayMillis);
        tiktok.open();
        return tiktok;
    }

    private GatedTikTok(long delayMillis) {
        this.delayMillis = delayMillis;
    }

    void open() {
        gate.countDown();
    }

    /** Waits until at least {@code count} requests have arrived (they may still be held at the gate). */
    void awaitArrivals(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (arrived.get() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + arrived.get() + " requests arrived, expected " + count);
            }
            Thread.sleep(2);
        }
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        JsonObject body = JsonParser.parseString(request.getBody().utf8()).getAsJsonObject();
        JsonArray events = body.has("data") ? body.getAsJsonArray("data")
                : body.has("batch") ? body.getAsJsonArray("batch") : null;
        if (events == null) {
            ids.add(body.get("event_id").getAsString()); // a 1.0 /pixel/track/ body holds one event
        } else {
            events.forEach(event -> ids.add(event.getAsJsonObject().get("event_id").getAsString()));
        }
        requests.add(new Seen(request.getUrl().encodedPath(),
                body.has("event_source") ? body.get("event_source").getAsString() : "web",
                events == null ? 1 : events.size()));
        arrived.incrementAndGet();
        if (delayMillis > 0) {
            Thread.sleep(delayMillis);
        }
        gate.await(30, TimeUnit.SECONDS);
        return new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\"code\":0,\"message\":\"OK\",\"request_id\":\"req-gated\",\"data\":{}}").build();
    }
}
