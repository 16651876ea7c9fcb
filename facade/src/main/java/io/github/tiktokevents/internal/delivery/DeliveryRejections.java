package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.ProcessorClosedException;
import io.github.tiktokevents.exception.QueueFullException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;

/**
 * The typed errors for events the processor refuses or gives up without sending.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryRejections {
    private DeliveryRejections() {
    }

    public static ProcessorClosedException closed() {
        return new ProcessorClosedException("The processor is closed and accepts no more events", null);
    }

    static ProcessorClosedException closedBeforeSent() {
        return new ProcessorClosedException("The processor closed before the event could be sent", null);
    }

    static TikTokException forQueueResult(int result, long bytes, ProcessorOptions options) {
        switch (result) {
            case DeliveryQueue.FULL_BY_COUNT:
                return new QueueFullException("The processor's queue is full: " + options.queueCapacity()
                        + " events (queueCapacity)" + waited(options));
            case DeliveryQueue.FULL_BY_BYTES:
                return new QueueFullException("The processor's queue is full: " + options.queueCapacityBytes()
                        + " estimated bytes (queueCapacityBytes)" + waited(options));
            case DeliveryQueue.TOO_LARGE:
                return new QueueFullException("The event's estimated size, " + bytes
                        + " bytes, exceeds the whole queue (queueCapacityBytes " + options.queueCapacityBytes() + ")");
            case DeliveryQueue.CLOSED:
                return closed();
            case DeliveryQueue.INTERRUPTED:
                return new QueueFullException("The processor's queue was full and the caller was interrupted "
                        + "while waiting for room");
            default:
                throw new IllegalArgumentException("not a refusal: " + result);
        }
    }

    private static String waited(ProcessorOptions options) {
        return options.queueFullPolicy() == QueueFullPolicy.BLOCK_WITH_TIMEOUT
                ? "; no room within " + options.enqueueTimeout() + " (enqueueTimeout)"
                : " (queueFullPolicy REJECT)";
    }
}
