package io.github.tiktokevents.spring;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.outbox.Outbox;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.spring.internal.ClientFactory;
import io.github.tiktokevents.spring.internal.DeliveryTracker;
import io.github.tiktokevents.spring.internal.ProcessorOptionsFactory;
import io.github.tiktokevents.spring.internal.ProcessorShutdown;
import io.github.tiktokevents.spring.internal.ShutdownTimeouts;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Defines a {@link TikTokEvents} client and an {@link EventProcessor} from the {@code tiktok.events.*} properties
 * (see {@link TikTokEventsProperties}), each only if the application defines none, and drains every
 * {@code EventProcessor} bean when the context closes, after the web server has finished its requests.
 *
 * <pre>{@code
 * @RestController
 * class Checkout {
 *     private final EventProcessor tiktok;
 *     Checkout(EventProcessor tiktok) { this.tiktok = tiktok; }
 *
 *     @PostMapping("/checkout")
 *     void checkout(@RequestBody Order order) {
 *         tiktok.enqueue(Event.builder(EventNames.PURCHASE)...build());
 *     }
 * }
 * }</pre>
 *
 * <p>Settings come from the SDK's environment variables ({@code TIKTOK_ACCESS_TOKEN}, ...; unless
 * {@code tiktok.events.read-environment=false}), then the properties, then every {@link TikTokEventsBuilderCustomizer}
 * and {@link ProcessorOptionsCustomizer} bean in order. A missing token or source id fails startup with the
 * SDK's message naming the property and the variable to set.
 */
@AutoConfiguration
@EnableConfigurationProperties(TikTokEventsProperties.class)
public class TikTokEventsAutoConfiguration {

    /** Creates the auto-configuration; Spring does. */
    public TikTokEventsAutoConfiguration() {
    }

    /**
     * The client. Closed when the context is destroyed, after the processors have drained.
     *
     * @param properties the settings
     * @param environment where the SDK's variables are read
     * @param customizers applied after the properties
     * @return the client
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public TikTokEvents tiktokEvents(TikTokEventsProperties properties, Environment environment,
                                     ObjectProvider<TikTokEventsBuilderCustomizer> customizers) {
        return ClientFactory.build(properties, environment::getProperty, customizers.orderedStream());
    }

    /**
     * Remembers the last delivery and failure for the health contributor.
     *
     * @param clock the application's {@link Clock} bean, if it has one
     * @return the tracker
     */
    @Bean
    @ConditionalOnMissingBean
    public DeliveryTracker tiktokEventsDeliveryTracker(ObjectProvider<Clock> clock) {
        return new DeliveryTracker(clock.getIfAvailable(Clock::systemUTC));
    }

    /**
     * The background processor. Spring does not close it as a bean: {@link #tiktokEventsProcessorShutdown} drains it
     * at the right moment of shutdown (and the client's close would close it too, as a last resort).
     *
     * @param tiktok the client
     * @param properties the settings
     * @param environment holds {@code spring.lifecycle.timeout-per-shutdown-phase}
     * @param customizers applied after the properties
     * @param tracker hears every outcome before the application's listener
     * @param outbox the outbox bean, if there is one ({@code tiktok.events.outbox.type}, or the application's own): the
     *               processor is then durable, and owns and closes it
     * @return the processor
     */
    @Bean(destroyMethod = "")
    @ConditionalOnMissingBean
    @ConditionalOnProperty(prefix = "tiktok.events.processor", name = "enabled", havingValue = "true", matchIfMissing = true)
    public EventProcessor tiktokEventsProcessor(TikTokEvents tiktok, TikTokEventsProperties properties,
                                                Environment environment,
                                                ObjectProvider<ProcessorOptionsCustomizer> customizers,
                                                DeliveryTracker tracker, ObjectProvider<Outbox> outbox) {
        ProcessorOptions options = ProcessorOptionsFactory.options(properties,
                ShutdownTimeouts.drainTimeout(environment, properties.getProcessor().getCloseTimeout()),
                customizers.orderedStream(), tracker);
        Outbox store = outbox.getIfUnique();
        return store == null ? tiktok.processor(options) : tiktok.processor(options, store);
    }

    /**
     * Drains every {@link EventProcessor} bean (this starter's or the application's) after the web server stopped.
     *
     * @param processors the processors, looked up at shutdown
     * @param properties the settings
     * @param environment holds {@code spring.lifecycle.timeout-per-shutdown-phase}
     * @return the lifecycle
     */
    @Bean
    @ConditionalOnMissingBean
    public ProcessorShutdown tiktokEventsProcessorShutdown(ObjectProvider<EventProcessor> processors,
                                                           TikTokEventsProperties properties, Environment environment) {
        return new ProcessorShutdown(() -> processors.orderedStream().toList(),
                ShutdownTimeouts.drainTimeout(environment, properties.getProcessor().getCloseTimeout()));
    }
}
