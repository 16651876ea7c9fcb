package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.RetryPolicy;
import java.time.Duration;
import java.util.function.DoubleSupplier;

/** What every {@link DeliveryJob} of one engine shares: the transport, the clock, the policy, the books. */
final class DeliveryContext<E> {
    final DeliverySender<E> sender;
    final DeliveryScheduler scheduler;
    final RetryPolicy retryPolicy;
    final Duration requestTimeout;
    final DoubleSupplier random;
    final DeliveryOutcomes outcomes;
    final DeliveryHalt halt;

    DeliveryContext(DeliverySender<E> sender, DeliveryScheduler scheduler, RetryPolicy retryPolicy,
                    Duration requestTimeout, DoubleSupplier random, DeliveryOutcomes outcomes) {
        this.sender = sender;
        this.scheduler = scheduler;
        this.retryPolicy = retryPolicy;
        this.requestTimeout = requestTimeout;
        this.random = random;
        this.outcomes = outcomes;
        this.halt = new DeliveryHalt(scheduler);
    }
}
