package io.github.tiktokevents;

import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What happened to every event of a {@link TikTokEvents#sendBatch(List)}: the batch was split into requests
 * (chunks), and each chunk either succeeded with a {@link SendResult} or failed with a {@link TikTokException}.
 * One failing chunk never hides the others, and every event given appears in exactly one chunk. Immutable.
 *
 * <pre>{@code
 * BatchResult batch = tiktok.sendBatch(events);
 * for (BatchResult.ChunkResult failed : batch.failedChunks()) {
 *     if (failed.error().isRetryable()) {
 *         retryLater(failed.events());
 *     } else {
 *         log.error("TikTok refused {} events: {}", failed.events().size(), failed.error().getMessage());
 *     }
 * }
 * }</pre>
 */
public final class BatchResult {
    private final List<ChunkResult> chunks;

    BatchResult(List<ChunkResult> chunks) {
        this.chunks = List.copyOf(chunks);
    }

    /** @return every request sent: grouped by source (web, app, offline, CRM), events in their given order within a source */
    public List<ChunkResult> chunks() {
        return chunks;
    }

    /** @return the requests that failed */
    public List<ChunkResult> failedChunks() {
        List<ChunkResult> failed = new ArrayList<>();
        for (ChunkResult chunk : chunks) {
            if (!chunk.succeeded()) {
                failed.add(chunk);
            }
        }
        return failed;
    }

    /** @return the events whose request TikTok accepted (including partial successes) */
    public List<Event> succeededEvents() {
        return events(true);
    }

    /** @return the events whose request failed */
    public List<Event> failedEvents() {
        return events(false);
    }

    /** @return whether every request succeeded (an empty batch counts as success) */
    public boolean allSucceeded() {
        return chunks.stream().allMatch(ChunkResult::succeeded);
    }

    /** @return the number of events reported on */
    public int eventCount() {
        return chunks.stream().mapToInt(chunk -> chunk.events().size()).sum();
    }

    private List<Event> events(boolean succeeded) {
        List<Event> events = new ArrayList<>();
        for (ChunkResult chunk : chunks) {
            if (chunk.succeeded() == succeeded) {
                events.addAll(chunk.events());
            }
        }
        return events;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "BatchResult{events=" + eventCount() + ", chunks=" + chunks.size() + ", failedChunks=" + failedChunks().size() + '}';
    }

    /** One request of a batch: its events and its result or error. Immutable. */
    public static final class ChunkResult {
        private final EventSource source;
        private final List<Event> events;
        private final SendResult result;
        private final TikTokException error;

        private ChunkResult(EventSource source, List<Event> events, SendResult result, TikTokException error) {
            this.source = source;
            this.events = List.copyOf(events);
            this.result = result;
            this.error = error;
        }

        static ChunkResult success(EventSource source, List<Event> events, SendResult result) {
            return new ChunkResult(source, events, result, null);
        }

        static ChunkResult failure(EventSource source, List<Event> events, TikTokException error) {
            return new ChunkResult(source, events, null, error);
        }

        /** @return the source all events of this request share */
        public EventSource source() {
            return source;
        }

        /** @return the events sent in this request */
        public List<Event> events() {
            return events;
        }

        /** @return whether TikTok accepted the request */
        public boolean succeeded() {
            return error == null;
        }

        /** @return TikTok's answer, when the request succeeded */
        public Optional<SendResult> result() {
            return Optional.ofNullable(result);
        }

        /**
         * The failure of this request.
         *
         * @return the error
         * @throws IllegalStateException if the request succeeded
         */
        public TikTokException error() {
            if (error == null) {
                throw new IllegalStateException("this request succeeded");
            }
            return error;
        }

        /** @return the failure, if the request failed */
        public Optional<TikTokException> failure() {
            return Optional.ofNullable(error);
        }

        /** {@inheritDoc} */
        @Override
        public String toString() {
            return "ChunkResult{source=" + source + ", events=" + events.size()
                    + (error == null ? ", result=" + result : ", error=" + error.getMessage()) + '}';
        }
    }
}
