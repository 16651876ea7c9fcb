package io.github.tiktokevents.internal.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-memory {@link DeliverySender}: answers each chunk by a script, and records what it was sent, from which
 * thread, and the future it returned (so a test can complete it later).
 */
final class DeliveryFakeSender implements DeliverySender<DeliveryTestItem> {
    /** One call: the ids sent, the calling thread, the future handed back. */
    static final class Call {
        final List<String> ids;
        final Thread thread;
        final CompletableFuture<DeliveryReply> answer;

        Call(List<String> ids, Thread thread, CompletableFuture<DeliveryReply> answer) {
            this.ids = ids;
            this.thread = thread;
            this.answer = answer;
        }
    }

    private final Function<List<DeliveryTestItem>, CompletableFuture<DeliveryReply>> script;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    DeliveryFakeSender(Function<List<DeliveryTestItem>, CompletableFuture<DeliveryReply>> script) {
        this.script = script;
    }

    /** Accepts every chunk at once. */
    static DeliveryFakeSender acceptingAll() {
        return new DeliveryFakeSender(chunk -> CompletableFuture.completedFuture(DeliveryReply.accepted("req")));
    }

    /** Never answers until the test completes the recorded future. */
    static DeliveryFakeSender answeringLater() {
        return new DeliveryFakeSender(chunk -> new CompletableFuture<>());
    }

    @Override
    public CompletableFuture<DeliveryReply> send(List<DeliveryTestItem> chunk) {
        List<String> ids = new ArrayList<>();
        for (DeliveryTestItem item : chunk) {
            ids.add(item.id);
        }
        CompletableFuture<DeliveryReply> answer = null;
        try {
            answer = script.apply(List.copyOf(chunk));
            return answer;
        } finally {
            calls.add(new Call(ids, Thread.currentThread(), answer));
        }
    }

    List<Call> calls() {
        return new ArrayList<>(calls);
    }

    Call call(int index) {
        return calls.get(index);
    }

    int callCount() {
        return calls.size();
    }

    List<Integer> chunkSizes() {
        List<Integer> sizes = new ArrayList<>();
        for (Call call : calls) {
            sizes.add(call.ids.size());
        }
        return sizes;
    }
}
