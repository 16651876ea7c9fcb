package io.github.tiktokevents.kafka.internal;

import io.github.tiktokevents.BatchResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.exception.AuthenticationException;
import io.github.tiktokevents.exception.PermissionDeniedException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokException;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Sends mapped events through {@link TikTokEvents#sendBatch} (with the client's retries) in requests of at most the
 * configured size, and sorts every record into exactly one outcome: delivered, refused for good, or not delivered
 * for now (retryable). A request TikTok refuses as a whole for a non-retryable reason (such as 40002 for one bad
 * event) is split in halves and each half sent again, down to the single refused events, so their neighbours still
 * arrive. Errors that no resend can fix (a wrong token, no permission, a client misconfiguration) are fatal.
 */
public final class EventDelivery {
    private final TikTokEvents client;
    private final int maxBatchSize;

    /**
     * @param client the SDK client, with its retry policy
     * @param maxBatchSize events per request, 1 to 1,000
     */
    public EventDelivery(TikTokEvents client, int maxBatchSize) {
        this.client = client;
        this.maxBatchSize = maxBatchSize;
    }

    /**
     * A record with its event.
     *
     * @param record the record
     * @param event the event mapped from it
     */
    public record Mapped(SinkRecord record, Event event) {
    }

    /**
     * A refused record with TikTok's reason.
     *
     * @param record the record
     * @param error TikTok's refusal
     */
    public record Refused(SinkRecord record, TikTokException error) {
    }

    /** What happened to each record of one {@link #deliver} call. */
    public static final class Outcome {
        private final List<SinkRecord> delivered = new ArrayList<>();
        private final List<Refused> refused = new ArrayList<>();
        private final List<SinkRecord> retryable = new ArrayList<>();
        private TikTokException lastRetryableError;
        private TikTokException fatal;
        private int requests;

        /** @return the records whose events TikTok accepted */
        public List<SinkRecord> delivered() {
            return delivered;
        }

        /** @return the records whose events TikTok refused for good, each with its own refusal */
        public List<Refused> refused() {
            return refused;
        }

        /** @return the records not delivered for now: sending them again may succeed */
        public List<SinkRecord> retryable() {
            return retryable;
        }

        /** @return the last retryable error, or null */
        public TikTokException lastRetryableError() {
            return lastRetryableError;
        }

        /** @return an error no resend can fix (wrong token, no permission, misconfiguration), or null */
        public TikTokException fatal() {
            return fatal;
        }

        /** @return the number of sendBatch calls made */
        public int requests() {
            return requests;
        }
    }

    /**
     * Delivers events, stopping at the first fatal error (the records not yet sorted stay unsettled).
     *
     * @param batch the records with their events
     * @return each record's outcome
     */
    public Outcome deliver(List<Mapped> batch) {
        Outcome outcome = new Outcome();
        for (int from = 0; from < batch.size() && outcome.fatal == null; from += maxBatchSize) {
            send(batch.subList(from, Math.min(batch.size(), from + maxBatchSize)), outcome);
        }
        return outcome;
    }

    private void send(List<Mapped> part, Outcome outcome) {
        Map<Event, Mapped> byEvent = new IdentityHashMap<>();
        List<Event> events = new ArrayList<>(part.size());
        for (Mapped mapped : part) {
            byEvent.put(mapped.event(), mapped);
            events.add(mapped.event());
        }
        BatchResult result;
        try {
            outcome.requests++;
            result = client.sendBatch(events);
        } catch (TikTokException e) {
            // thrown before anything was sent: a configuration error of the client
            outcome.fatal = e;
            return;
        }
        for (BatchResult.ChunkResult chunk : result.chunks()) {
            List<Mapped> records = new ArrayList<>(chunk.events().size());
            chunk.events().forEach(event -> records.add(byEvent.get(event)));
            if (chunk.succeeded()) {
                records.forEach(mapped -> outcome.delivered.add(mapped.record()));
            } else {
                failed(records, chunk.error(), outcome);
            }
            if (outcome.fatal != null) {
                return;
            }
        }
    }

    private void failed(List<Mapped> records, TikTokException error, Outcome outcome) {
        if (isFatal(error)) {
            outcome.fatal = error;
        } else if (error.isRetryable() || Thread.currentThread().isInterrupted()) {
            // an interrupted send (the worker is stopping the task) says nothing about the events: keep them
            records.forEach(mapped -> outcome.retryable.add(mapped.record()));
            outcome.lastRetryableError = error;
        } else if (records.size() == 1) {
            outcome.refused.add(new Refused(records.get(0).record(), error));
        } else {
            int half = records.size() / 2;
            send(records.subList(0, half), outcome);
            if (outcome.fatal == null) {
                send(records.subList(half, records.size()), outcome);
            }
        }
    }

    /** Errors no resend and no split can fix: they concern the token, the permission or the client. */
    static boolean isFatal(TikTokException error) {
        return error instanceof AuthenticationException
                || error instanceof PermissionDeniedException
                || error instanceof TikTokConfigurationException
                || (error instanceof TikTokApiException api && api.code() == TikTokApiException.NO_CODE
                        && !api.isRetryable());
    }
}
