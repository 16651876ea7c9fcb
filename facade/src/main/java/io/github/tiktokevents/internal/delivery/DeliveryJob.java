package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.TikTokException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Delivers one batch taken from the queue, holding one of the processor's request slots until every item of
 * the batch is settled. Requests of a job go out one at a time: the batch, then its retries, then the halves
 * it is split into when TikTok refuses the whole request because of bad events, so a job never has more than
 * one request outstanding. Runs in the engine's serial lane only (see {@link DeliveryThreadScheduler}); an answer
 * is booked on the thread that brought it when the lane is free, so the next request starts without a thread hop.
 *
 * @param <E> the item type
 */
final class DeliveryJob<E> {
    private final long serial;
    private final DeliveryContext<E> context;
    private final Consumer<DeliveryJob<E>> onDone;
    private final Deque<Chunk<E>> work = new ArrayDeque<>();
    private int attemptToken;
    private CompletableFuture<DeliveryReply> pendingAnswer;
    private DeliveryScheduler.Cancellable retryTimer;
    private boolean finished;

    DeliveryJob(long serial, List<DeliveryItem<E>> batch, DeliveryContext<E> context, Consumer<DeliveryJob<E>> onDone) {
        this.serial = serial;
        this.context = context;
        this.onDone = onDone;
        work.add(new Chunk<>(batch, 0, 0L, false));
    }

    long serial() {
        return serial;
    }

    void start() {
        sendNext();
    }

    /**
     * Gives up: every unsettled item of the job is reported failed with a {@link ProcessorClosedException}
     * and any late answer is ignored. Does not call {@code onDone}.
     */
    void abort() {
        if (finished) {
            return;
        }
        finished = true;
        if (retryTimer != null) {
            retryTimer.cancel();
        }
        boolean awaitingAnswer = pendingAnswer != null;
        if (awaitingAnswer) {
            pendingAnswer.cancel(true);
        }
        for (Chunk<E> chunk : work) {
            String message = awaitingAnswer && chunk == work.peekFirst()
                    ? "The processor closed while waiting for TikTok's answer; TikTok may still record the event "
                    + "(a resend with the same event_id is deduplicated)"
                    : "The processor closed before the event could be delivered";
            for (DeliveryItem<E> item : chunk.items) {
                context.outcomes.failed(item, new ProcessorClosedException(message, chunk.lastError));
            }
        }
        work.clear();
    }

    private void sendNext() {
        if (finished) {
            return;
        }
        TikTokException halted = context.halt.blocking();
        if (halted != null) {
            // Another request met an error that fails every event alike: sending the rest would only repeat it.
            for (Chunk<E> left : work) {
                failAll(left, halted);
            }
            work.clear();
        }
        Chunk<E> chunk = work.peekFirst();
        if (chunk == null) {
            finished = true;
            onDone.accept(this);
            return;
        }
        chunk.attempts++;
        if (!chunk.started) {
            chunk.started = true;
            chunk.firstAttemptNanos = context.scheduler.nanoTime();
        }
        context.outcomes.countRequest();
        if (chunk.attempts > 1) {
            context.outcomes.countRetry(chunk.lastError);
        }
        List<E> values = new ArrayList<>(chunk.items.size());
        for (DeliveryItem<E> item : chunk.items) {
            values.add(item.value);
        }
        int token = ++attemptToken;
        CompletableFuture<DeliveryReply> answer =
                DeliveryCall.start(() -> context.sender.send(values), context.requestTimeout, context.scheduler);
        pendingAnswer = answer;
        answer.whenComplete((reply, failure) -> onDeliveryThread(() -> onAnswer(token, chunk, reply, failure)));
    }

    private void onDeliveryThread(Runnable task) {
        try {
            // On the thread that brought the answer when the engine is idle: the next request starts from there.
            context.scheduler.executeHere(task);
        } catch (RejectedExecutionException shutDown) {
            // The processor stopped; abort() already reported every item of this job.
        }
    }

    private void onAnswer(int token, Chunk<E> chunk, DeliveryReply reply, Throwable failure) {
        if (finished || token != attemptToken) {
            return;
        }
        pendingAnswer = null;
        work.pollFirst();
        if (failure == null) {
            context.halt.onRequestAccepted();
            settle(chunk, reply == null ? DeliveryReply.accepted(null) : reply);
        } else {
            TikTokException error = DeliveryErrors.toTikTokException(failure);
            context.halt.onRequestFailed(error);
            handleFailure(chunk, error);
        }
        if (retryTimer == null) {
            sendNext();
        }
    }

    private void settle(Chunk<E> chunk, DeliveryReply reply) {
        Map<Integer, TikTokException> refused = reply.refusedByIndex();
        List<DeliveryItem<E>> retryable = new ArrayList<>();
        TikTokException retryError = null;
        for (int i = 0; i < chunk.items.size(); i++) {
            DeliveryItem<E> item = chunk.items.get(i);
            TikTokException error = refused.get(i);
            if (error == null) {
                context.outcomes.delivered(item, reply.requestId());
            } else if (error.isRetryable()) {
                retryable.add(item);
                retryError = retryError == null ? error : retryError;
            } else {
                context.outcomes.failed(item, error);
            }
        }
        if (!retryable.isEmpty()) {
            retryOrFail(new Chunk<>(retryable, chunk.attempts, chunk.firstAttemptNanos, true), retryError);
        }
    }

    private void handleFailure(Chunk<E> chunk, TikTokException error) {
        if (Bisection.shouldSplit(error, chunk.items.size())) {
            // TikTok refuses a whole request for one bad event: split to find it and still deliver the rest.
            List<List<DeliveryItem<E>>> halves = Bisection.halves(chunk.items);
            work.addFirst(new Chunk<>(halves.get(1), 0, chunk.firstAttemptNanos, true));
            work.addFirst(new Chunk<>(halves.get(0), 0, chunk.firstAttemptNanos, true));
        } else if (error.isRetryable()) {
            retryOrFail(chunk, error);
        } else {
            failAll(chunk, error);
        }
    }

    private void retryOrFail(Chunk<E> chunk, TikTokException error) {
        chunk.lastError = error;
        Duration elapsed = Duration.ofNanos(context.scheduler.nanoTime() - chunk.firstAttemptNanos);
        Optional<Duration> delay = Backoff.delayBeforeRetry(
                context.retryPolicy, chunk.attempts, elapsed, error, context.random.getAsDouble());
        if (delay.isEmpty()) {
            failAll(chunk, error);
            return;
        }
        work.addFirst(chunk);
        retryTimer = context.scheduler.schedule(() -> {
            retryTimer = null;
            sendNext();
        }, delay.get());
    }

    private void failAll(Chunk<E> chunk, TikTokException error) {
        for (DeliveryItem<E> item : chunk.items) {
            context.outcomes.failed(item, error);
        }
    }

    /** Items sent together in one request, with the attempts made for exactly these items. */
    private static final class Chunk<E> {
        final List<DeliveryItem<E>> items;
        int attempts;
        long firstAttemptNanos;
        boolean started;
        TikTokException lastError;

        Chunk(List<DeliveryItem<E>> items, int attempts, long firstAttemptNanos, boolean started) {
            this.items = items;
            this.attempts = attempts;
            this.firstAttemptNanos = firstAttemptNanos;
            this.started = started;
        }
    }
}
