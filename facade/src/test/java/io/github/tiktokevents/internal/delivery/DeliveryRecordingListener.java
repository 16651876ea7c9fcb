package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;

/** Records every outcome, in order, from any thread; the tests check "exactly once" on it. */
public final class DeliveryRecordingListener implements DeliveryListener {
    /** One reported outcome: error is null for a delivery. */
    public static final class Outcome {
        public final String id;
        public final String requestId;
        public final TikTokException error;
        public final String thread;

        Outcome(String id, String requestId, TikTokException error) {
            this.id = id;
            this.requestId = requestId;
            this.error = error;
            this.thread = Thread.currentThread().getName();
        }

        public boolean delivered() {
            return error == null;
        }

        @Override
        public String toString() {
            return id + (error == null ? " delivered" : " failed: " + error);
        }
    }

    private final ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();

    @Override
    public void delivered(String eventId, String requestId) {
        outcomes.add(new Outcome(eventId, requestId, null));
    }

    @Override
    public void failed(String eventId, TikTokException error) {
        outcomes.add(new Outcome(eventId, null, error));
    }

    public List<Outcome> all() {
        return new ArrayList<>(outcomes);
    }

    /** Outcomes per id, in the order ids were first reported. */
    public Map<String, List<Outcome>> byId() {
        Map<String, List<Outcome>> byId = new LinkedHashMap<>();
        for (Outcome outcome : outcomes) {
            byId.computeIfAbsent(outcome.id, id -> new ArrayList<>()).add(outcome);
        }
        return byId;
    }

    public Outcome only(String id) {
        List<Outcome> forId = byId().get(id);
        if (forId == null || forId.size() != 1) {
            throw new AssertionError("expected exactly one outcome for " + id + " but got " + forId);
        }
        return forId.get(0);
    }

    public int size() {
        return outcomes.size();
    }
}
