package io.github.tiktokevents.examples.checkout;

import io.github.tiktokevents.spring.ProcessorOptionsCustomizer;
import io.github.tiktokevents.spring.TikTokEventsBuilderCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the properties cannot say: code that adjusts the client and the processor before the starter builds them. */
@Configuration(proxyBeanMethods = false)
public class TikTokCustomizers {
    private static final Logger log = LoggerFactory.getLogger(TikTokCustomizers.class);

    // README "Spring Boot customizers" begins
    @Bean
    TikTokEventsBuilderCustomizer partnerName() {
        return builder -> builder.partnerName("shop-example");
    }

    @Bean
    ProcessorOptionsCustomizer logUndelivered() {
        return options -> options.listener((eventId, error) ->
                log.warn("TikTok event {} not delivered: {}", eventId, error.getMessage()));
    }
    // README "Spring Boot customizers" ends
}
