package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.EventProcessor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The processors a client made and has not seen closed, so that closing the client drains them first. A processor
 * leaves the set when it closes itself; a processor cannot be added once the client has started closing.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class OpenProcessors {
    private final Set<EventProcessor> open = new LinkedHashSet<>();
    private boolean closing;

    /** Makes and registers a processor, unless the client is closing (then {@code whenClosing} says why). */
    public synchronized EventProcessor add(Supplier<EventProcessor> factory, Supplier<TikTokException> whenClosing) {
        if (closing) {
            throw whenClosing.get();
        }
        EventProcessor processor = factory.get();
        open.add(processor);
        return processor;
    }

    public synchronized void remove(EventProcessor processor) {
        open.remove(processor);
    }

    /** Refuses new processors, then closes each open one (each drains within its own close timeout). */
    public void closeAll() {
        List<EventProcessor> toClose;
        synchronized (this) {
            closing = true;
            toClose = new ArrayList<>(open);
        }
        for (EventProcessor processor : toClose) {
            processor.close();
        }
    }
}
