package io.github.tiktokevents.outbox.local;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps every outcome a processor reports. */
final class RecordingListener implements DeliveryListener {
    final List<String> delivered = new CopyOnWriteArrayList<>();
    final Map<String, TikTokException> failed = new ConcurrentHashMap<>();

    @Override
    public void delivered(String eventId, String requestId) {
        delivered.add(eventId);
    }

    @Override
    public void failed(String eventId, TikTokException error) {
        failed.put(eventId, error);
    }
}
