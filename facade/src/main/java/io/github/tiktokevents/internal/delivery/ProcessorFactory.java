package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.internal.http.ClientSettings;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.outbox.OutboxEvent;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The client's way to make an {@link EventProcessor}, whose constructor is package-private: users get processors
 * from {@code TikTokEvents.processor(...)} only, and a public constructor would have to name internal types
 * ({@link ClientSettings}) in the API. {@code EventProcessor} hands its constructor to this class from its static
 * initialiser, as {@code Event} does with {@code EventWire} (the JDK's {@code SharedSecrets} pattern).
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class ProcessorFactory {
    /** Written once, by {@code EventProcessor}'s static initialiser. */
    private static volatile Constructor constructor;

    private ProcessorFactory() {
    }

    /**
     * What {@code EventProcessor} lends this class: its constructor.
     *
     * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
     */
    @FunctionalInterface
    public interface Constructor {
        /**
         * Makes a running processor.
         *
         * @param options the options as the user gave them
         * @param settings the client's settings (source ids, edition)
         * @param httpCallTimeout the HTTP client's call timeout; zero for none
         * @param transport sends one chunk of events of one source, once
         * @param outbox where a durable processor keeps its events; null for an in-memory processor
         * @param storedTransport sends one chunk of stored events of one source, once; null without an outbox
         * @param onClosed told when the processor has closed itself
         * @return the processor
         */
        EventProcessor create(ProcessorOptions options, ClientSettings settings, Duration httpCallTimeout,
                              BiFunction<EventSource, List<Event>, CompletableFuture<SendResult>> transport,
                              Outbox outbox,
                              BiFunction<EventSource, List<OutboxEvent>, CompletableFuture<SendResult>> storedTransport,
                              Consumer<EventProcessor> onClosed);
    }

    /**
     * Installs {@code EventProcessor}'s constructor; only {@code EventProcessor}'s static initialiser calls it.
     *
     * @param constructor the constructor
     * @throws IllegalStateException if a different constructor is already installed
     */
    public static synchronized void install(Constructor constructor) {
        Objects.requireNonNull(constructor, "constructor");
        if (ProcessorFactory.constructor != null && ProcessorFactory.constructor != constructor) {
            throw new IllegalStateException("ProcessorFactory constructor is already installed");
        }
        ProcessorFactory.constructor = constructor;
    }

    /**
     * Makes a running processor; see {@link Constructor#create}.
     *
     * @param options the options as the user gave them
     * @param settings the client's settings (source ids, edition)
     * @param httpCallTimeout the HTTP client's call timeout; zero for none
     * @param transport sends one chunk of events of one source, once
     * @param outbox where a durable processor keeps its events; null for an in-memory processor
     * @param storedTransport sends one chunk of stored events of one source, once; null without an outbox
     * @param onClosed told when the processor has closed itself
     * @return the processor
     */
    public static EventProcessor create(ProcessorOptions options, ClientSettings settings, Duration httpCallTimeout,
                                        BiFunction<EventSource, List<Event>, CompletableFuture<SendResult>> transport,
                                        Outbox outbox,
                                        BiFunction<EventSource, List<OutboxEvent>, CompletableFuture<SendResult>> storedTransport,
                                        Consumer<EventProcessor> onClosed) {
        return constructor().create(options, settings, httpCallTimeout, transport, outbox, storedTransport, onClosed);
    }

    private static Constructor constructor() {
        Constructor installed = constructor;
        if (installed == null) {
            // Unlike EventWire's callers, the client holds no processor yet, so nothing has initialised the class.
            try {
                Class.forName(EventProcessor.class.getName(), true, EventProcessor.class.getClassLoader());
            } catch (ClassNotFoundException impossible) {
                throw new IllegalStateException(impossible);
            }
            installed = constructor;
            if (installed == null) {
                throw new IllegalStateException("EventProcessor did not install its constructor");
            }
        }
        return installed;
    }
}
