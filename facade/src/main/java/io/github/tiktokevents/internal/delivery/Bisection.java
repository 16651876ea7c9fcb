package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;
import java.util.List;

/**
 * Isolates a bad event: TikTok refuses a whole request when one of its events is invalid (40002, or HTTP 413 for a
 * request too large), so a refused chunk of several events is split in halves, each sent on its own, recursively,
 * until the bad event fails alone and the others are delivered. One event costs at most about {@code 2 log2(n)}
 * extra requests in a chunk of {@code n}. The one rule shared by the processor and {@code sendBatch}.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class Bisection {
    private Bisection() {
    }

    /**
     * Whether a chunk refused with {@code error} should be split rather than failed as a whole.
     *
     * @param error the refusal of the whole chunk
     * @param chunkSize the number of events in the chunk
     * @return true if the refusal may be about one event and the chunk has more than one
     */
    public static boolean shouldSplit(TikTokException error, int chunkSize) {
        return chunkSize > 1 && DeliveryErrors.mayBeAboutOneEvent(error);
    }

    /**
     * The two halves to send instead, in order (the first one is the smaller when the size is odd).
     *
     * @param chunk two or more events
     * @param <T> the event type
     * @return views of the first and second half
     */
    public static <T> List<List<T>> halves(List<T> chunk) {
        int half = chunk.size() / 2;
        return List.of(chunk.subList(0, half), chunk.subList(half, chunk.size()));
    }
}
