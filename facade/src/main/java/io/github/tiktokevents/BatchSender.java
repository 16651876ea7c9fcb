package io.github.tiktokevents;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.delivery.Bisection;
import io.github.tiktokevents.internal.delivery.DeliveryErrors;
import io.github.tiktokevents.internal.http.ClientSettings;
import io.github.tiktokevents.internal.wire.Chunker;
import io.github.tiktokevents.internal.wire.EventWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * Sends a batch as chunks and reports on every event: a chunk's failure is recorded against its events and the
 * other chunks still go. Everything that can be checked before sending (each source has an id, the edition takes
 * the source) is checked first, so a configuration mistake sends nothing. Each chunk goes through the given
 * transport (the client's retrying one). A chunk TikTok refuses for a bad event is split in halves, as the processor
 * does ({@link Bisection}), so the bad event fails alone and the rest are delivered.
 */
final class BatchSender {
    private final BiFunction<EventSource, List<Event>, CompletableFuture<SendResult>> transport;
    private final BiFunction<EventSource, List<Event>, SendResult> blockingTransport;
    private final ClientSettings settings;

    /**
     * @param transport sends one chunk asynchronously, with retries
     * @param blockingTransport sends one chunk on the calling thread, with retries; throws a {@link TikTokException}
     * @param settings the client's settings
     */
    BatchSender(BiFunction<EventSource, List<Event>, CompletableFuture<SendResult>> transport,
                BiFunction<EventSource, List<Event>, SendResult> blockingTransport, ClientSettings settings) {
        this.transport = transport;
        this.blockingTransport = blockingTransport;
        this.settings = settings;
    }

    /** One chunk after another; an interrupt cancels the chunk in progress and sends none of the rest. */
    BatchResult send(List<Event> events) {
        Map<EventSource, List<List<Event>>> chunks = prepare(events);
        List<BatchResult.ChunkResult> results = new ArrayList<>();
        chunks.forEach((source, parts) -> {
            for (List<Event> part : parts) {
                sendIsolating(source, part, results);
            }
        });
        return new BatchResult(results);
    }

    /** One chunk, split in halves (see {@link Bisection}) while TikTok refuses it for a bad event. */
    private void sendIsolating(EventSource source, List<Event> part, List<BatchResult.ChunkResult> results) {
        if (Thread.currentThread().isInterrupted()) {
            results.add(BatchResult.ChunkResult.failure(source, part, new TikTokException(
                    "Not sent: the thread was interrupted while sending the batch")));
            return;
        }
        try {
            results.add(BatchResult.ChunkResult.success(source, part, blockingTransport.apply(source, part)));
        } catch (TikTokException e) {
            if (!Bisection.shouldSplit(e, part.size())) {
                results.add(BatchResult.ChunkResult.failure(source, part, e));
                return;
            }
            for (List<Event> half : Bisection.halves(part)) {
                sendIsolating(source, half, results);
            }
        }
    }

    CompletableFuture<BatchResult> sendAsync(List<Event> events) {
        Map<EventSource, List<List<Event>>> chunks;
        try {
            chunks = prepare(events);
        } catch (TikTokException e) {
            return CompletableFuture.failedFuture(e);
        }
        List<CompletableFuture<List<BatchResult.ChunkResult>>> pending = new ArrayList<>();
        chunks.forEach((source, parts) -> {
            for (List<Event> part : parts) {
                pending.add(sendIsolatingAsync(source, part));
            }
        });
        return CompletableFuture.allOf(pending.toArray(new CompletableFuture<?>[0])).thenApply(done -> {
            List<BatchResult.ChunkResult> results = new ArrayList<>(pending.size());
            pending.forEach(future -> results.addAll(future.join()));
            return new BatchResult(results);
        });
    }

    /** As {@link #sendIsolating}, without blocking: the halves of a refused chunk go one after the other. */
    private CompletableFuture<List<BatchResult.ChunkResult>> sendIsolatingAsync(EventSource source, List<Event> part) {
        return transport.apply(source, part).handle((result, error) -> {
            if (error == null) {
                return CompletableFuture.completedFuture(
                        List.of(BatchResult.ChunkResult.success(source, part, result)));
            }
            TikTokException failure = DeliveryErrors.toTikTokException(error);
            if (!Bisection.shouldSplit(failure, part.size())) {
                return CompletableFuture.completedFuture(
                        List.of(BatchResult.ChunkResult.failure(source, part, failure)));
            }
            List<List<Event>> halves = Bisection.halves(part);
            return sendIsolatingAsync(source, halves.get(0)).thenCompose(first ->
                    sendIsolatingAsync(source, halves.get(1)).thenApply(second -> {
                        List<BatchResult.ChunkResult> both = new ArrayList<>(first);
                        both.addAll(second);
                        return both;
                    }));
        }).thenCompose(results -> results);
    }

    /** Checks every chunk's source before anything is sent, and validates the chunk handed to the seam. */
    Map<EventSource, List<List<Event>>> prepare(List<Event> events) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) == null) {
                throw new TikTokValidationException("events[" + i + "]", "is null");
            }
        }
        Map<EventSource, List<List<Event>>> chunks = Chunker.chunk(events, settings.maxEventsPerRequest(),
                event -> EventWire.estimatedSizeBytes(event, settings.edition()));
        chunks.keySet().forEach(settings::sourceId);
        return chunks;
    }

    void checkChunk(EventSource source, List<Event> chunk) {
        if (chunk.isEmpty() || chunk.size() > settings.maxEventsPerRequest()) {
            throw new TikTokValidationException("events", "a request takes 1 to " + settings.maxEventsPerRequest()
                    + " events, not " + chunk.size());
        }
        for (Event event : chunk) {
            if (!source.equals(event.source())) { // equal, not identical: of("...") may make a new instance
                throw new TikTokValidationException("events", "a request takes events of one source only");
            }
        }
        settings.sourceId(source);
    }
}
