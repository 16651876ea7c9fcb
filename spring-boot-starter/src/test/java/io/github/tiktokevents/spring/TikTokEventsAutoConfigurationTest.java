package io.github.tiktokevents.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.ApiEdition;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.RecordedRequest;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.processor.EventProcessor;
import io.github.tiktokevents.processor.ProcessorOptions;
import io.github.tiktokevents.processor.QueueFullPolicy;
import io.github.tiktokevents.spring.internal.ProcessorShutdown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;

/** The auto-configuration in plain application contexts, against the in-process emulator. */
class TikTokEventsAutoConfigurationTest {
    private static TikTokEmulator emulator;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(TikTokEventsAutoConfiguration.class))
            // hermetic: this machine's TIKTOK_* variables must not change the outcome
            .withPropertyValues("tiktok.events.read-environment=false");

    @BeforeAll
    static void startEmulator() {
        emulator = TikTokEmulator.builder().build().start();
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void forgetRequests() {
        emulator.reset();
    }

    private String[] target() {
        return new String[] {"tiktok.events.access-token=" + emulator.accessToken(),
            "tiktok.events.base-url=" + emulator.baseUrl()};
    }

    @Test
    void propertiesConfigureTheClientAndTheProcessor() {
        runner.withPropertyValues(target())
                .withPropertyValues("tiktok.events.pixel-code=PIXEL0000000000000001",
                        "tiktok.events.test-event-code=TEST123",
                        "tiktok.events.api-version=v1.3",
                        "tiktok.events.read-timeout=5s",
                        "tiktok.events.retry.max-attempts=2",
                        "tiktok.events.retry.initial-delay=10ms",
                        "tiktok.events.processor.max-delay=20ms",
                        "tiktok.events.processor.max-batch-size=100",
                        "tiktok.events.processor.queue-capacity=500",
                        "tiktok.events.processor.queue-full-policy=reject",
                        "tiktok.events.processor.max-requests-in-flight=2",
                        "tiktok.events.processor.thread-name-prefix=checkout-events")
                .run(context -> {
                    assertThat(context).hasSingleBean(TikTokEvents.class).hasSingleBean(EventProcessor.class);
                    ProcessorOptions options = context.getBean(EventProcessor.class).options();
                    assertThat(options.maxDelay()).isEqualTo(Duration.ofMillis(20));
                    assertThat(options.maxBatchSize()).isEqualTo(100);
                    assertThat(options.queueCapacity()).isEqualTo(500);
                    assertThat(options.queueFullPolicy()).isEqualTo(QueueFullPolicy.REJECT);
                    assertThat(options.maxRequestsInFlight()).isEqualTo(2);
                    assertThat(options.threadNamePrefix()).isEqualTo("checkout-events");
                    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(2);
                    assertThat(options.retryPolicy().initialDelay()).isEqualTo(Duration.ofMillis(10));

                    EventProcessor processor = context.getBean(EventProcessor.class);
                    assertThat(processor.enqueue(Purchases.purchase("props-1"))).isTrue();
                    processor.flush();
                    RecordedRequest request = emulator.awaitRequests(1, Duration.ofSeconds(10)).get(0);
                    assertThat(request.path()).startsWith("/open_api/v1.3/");
                    assertThat(request.events()).singleElement().satisfies(event -> {
                        assertThat(event.eventSourceId()).isEqualTo("PIXEL0000000000000001");
                        assertThat(event.eventId()).isEqualTo("props-1");
                        assertThat(event.accepted()).isTrue();
                    });
                    assertThat(request.body()).contains("\"test_event_code\":\"TEST123\"");
                });
    }

    @Test
    void yamlConfiguresTheClient() {
        runner.withInitializer(new org.springframework.boot.test.context.ConfigDataApplicationContextInitializer())
                .withPropertyValues("spring.config.location=classpath:tiktok-events-test.yml",
                        "tiktok.events.base-url=" + emulator.baseUrl())
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ProcessorOptions options = context.getBean(EventProcessor.class).options();
                    assertThat(options.maxDelay()).isEqualTo(Duration.ofMillis(250));
                    assertThat(options.queueCapacity()).isEqualTo(2000);
                    assertThat(options.retryPolicy().maxAttempts()).isEqualTo(3);

                    EventProcessor processor = context.getBean(EventProcessor.class);
                    processor.enqueue(Purchases.purchase("yaml-1"));
                    processor.flush();
                    assertThat(emulator.awaitEvents(1, Duration.ofSeconds(10))).singleElement()
                            .satisfies(event -> assertThat(event.eventSourceId()).isEqualTo("YAMLPIXEL00000000001"));
                });
    }

    @Test
    void theSdksVariablesAreReadThroughTheEnvironmentAndPropertiesWin() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(TikTokEventsAutoConfiguration.class))
                .withPropertyValues("TIKTOK_ACCESS_TOKEN=" + emulator.accessToken(),
                        "TIKTOK_PIXEL_ID=ENVPIXEL000000000001",
                        "TIKTOK_BASE_URL=" + emulator.baseUrl(),
                        "tiktok.events.test-event-code=FROMPROPERTY",
                        "TIKTOK_TEST_EVENT_CODE=FROMVARIABLE")
                .run(context -> {
                    EventProcessor processor = context.getBean(EventProcessor.class);
                    processor.enqueue(Purchases.purchase("env-1"));
                    processor.flush();
                    RecordedRequest request = emulator.awaitRequests(1, Duration.ofSeconds(10)).get(0);
                    assertThat(request.events().get(0).eventSourceId()).isEqualTo("ENVPIXEL000000000001");
                    assertThat(request.body()).contains("FROMPROPERTY").doesNotContain("FROMVARIABLE");
                });
    }

    @Test
    void customizersAdjustTheBuildersInOrder() {
        runner.withPropertyValues(target())
                .withPropertyValues("tiktok.events.processor.max-delay=1s")
                .withUserConfiguration(Customizers.class)
                .run(context -> {
                    Customizers customizers = context.getBean(Customizers.class);
                    assertThat(customizers.calls).containsExactly("client first", "client second",
                            "processor first", "processor second");
                    // the later customizer wins; the property's value was there before both
                    ProcessorOptions options = context.getBean(EventProcessor.class).options();
                    assertThat(options.maxDelay()).isEqualTo(Duration.ofMillis(30));

                    EventProcessor processor = context.getBean(EventProcessor.class);
                    processor.enqueue(Purchases.purchase("custom-1"));
                    processor.flush();
                    RecordedRequest request = emulator.awaitRequests(1, Duration.ofSeconds(10)).get(0);
                    assertThat(request.events().get(0).eventSourceId()).isEqualTo("CUSTOMPIXEL000000002");
                    // the customizer's listener still hears the outcome, through the starter's tracker
                    assertThat(customizers.delivered).containsExactly("custom-1");
                });
    }

    @Test
    void backsOffWhenTheApplicationDefinesItsOwnBeans() {
        runner.withPropertyValues(target())
                .withUserConfiguration(OwnBeans.class)
                .run(context -> {
                    assertThat(context).hasSingleBean(TikTokEvents.class).hasSingleBean(EventProcessor.class);
                    assertThat(context.getBean(TikTokEvents.class)).isSameAs(context.getBean(OwnBeans.class).client);
                    EventProcessor own = context.getBean(EventProcessor.class);
                    assertThat(own.options().threadNamePrefix()).isEqualTo("own-processor");
                    // the application's processor is still drained at shutdown
                    assertThat(context).hasSingleBean(ProcessorShutdown.class);
                    context.close();
                    assertThat(own.isClosed()).isTrue();
                });
    }

    @Test
    void theProcessorCanBeTurnedOff() {
        runner.withPropertyValues(target())
                .withPropertyValues("tiktok.events.pixel-code=PIXEL0000000000000001",
                        "tiktok.events.processor.enabled=false")
                .run(context -> assertThat(context).hasSingleBean(TikTokEvents.class)
                        .doesNotHaveBean(EventProcessor.class));
    }

    @Test
    void aMissingTokenFailsStartupNamingThePropertyAndTheVariable() {
        runner.withPropertyValues("tiktok.events.pixel-code=PIXEL0000000000000001")
                .run(context -> {
                    assertThat(context).hasFailed();
                    Throwable cause = context.getStartupFailure();
                    while (cause.getCause() != null) {
                        cause = cause.getCause();
                    }
                    assertThat(cause).isInstanceOf(TikTokConfigurationException.class)
                            .hasMessageContaining("missing the access token")
                            .hasMessageContaining("tiktok.events.access-token")
                            .hasMessageContaining("TIKTOK_ACCESS_TOKEN")
                            .hasMessageNotContaining("tiktok.events.pixel-code");
                });
    }

    @Test
    void theSdksShutdownHookIsOffAndTheDrainFitsTheShutdownPhase() {
        runner.withPropertyValues(target())
                .withPropertyValues("tiktok.events.pixel-code=PIXEL0000000000000001",
                        "spring.lifecycle.timeout-per-shutdown-phase=20s")
                .run(context -> {
                    ProcessorOptions options = context.getBean(EventProcessor.class).options();
                    assertThat(options.drainOnShutdown()).isFalse();
                    assertThat(options.closeTimeout()).isEqualTo(Duration.ofSeconds(15));
                    assertThat(context.getBean(ProcessorShutdown.class).drainTimeout()).isEqualTo(Duration.ofSeconds(15));
                });
        runner.withPropertyValues(target())
                .withPropertyValues("tiktok.events.pixel-code=PIXEL0000000000000001",
                        "tiktok.events.processor.close-timeout=2s")
                .run(context -> assertThat(context.getBean(EventProcessor.class).options().closeTimeout())
                        .isEqualTo(Duration.ofSeconds(2)));
        runner.withPropertyValues(target())
                .withPropertyValues("tiktok.events.pixel-code=PIXEL0000000000000001",
                        "tiktok.events.processor.close-timeout=2m")
                .run(context -> assertThat(context.getBean(EventProcessor.class).options().closeTimeout())
                        .as("cut to the default 30 s phase less 5 s").isEqualTo(Duration.ofSeconds(25)));
    }

    @Test
    void theEditionAndOtherSourcesAreBound() {
        runner.withPropertyValues(target())
                .withPropertyValues("tiktok.events.api-edition=pixel-v1",
                        "tiktok.events.pixel-batch-size=10",
                        "tiktok.events.source-ids.mini_app=MINIAPP0001",
                        "tiktok.events.pixel-code=PIXEL0000000000000001")
                .run(context -> {
                    TikTokEventsProperties properties = context.getBean(TikTokEventsProperties.class);
                    assertThat(properties.getApiEdition()).isEqualTo(ApiEdition.PIXEL_V1);
                    assertThat(properties.getSourceIds()).containsEntry("mini_app", "MINIAPP0001");
                    assertThat(context.getBean(EventProcessor.class).options().maxBatchSize()).isEqualTo(1000);
                });
    }

    /** Two customizers of each kind, declared in the opposite order to their {@code @Order}. */
    @Configuration(proxyBeanMethods = false)
    static class Customizers {
        final List<String> calls = new ArrayList<>();
        final List<String> delivered = new ArrayList<>();

        @Bean
        @Order(2)
        TikTokEventsBuilderCustomizer secondClientCustomizer() {
            return builder -> {
                calls.add("client second");
                builder.pixelCode("CUSTOMPIXEL000000002");
            };
        }

        @Bean
        @Order(1)
        TikTokEventsBuilderCustomizer firstClientCustomizer() {
            return builder -> {
                calls.add("client first");
                builder.pixelCode("CUSTOMPIXEL000000001");
            };
        }

        @Bean
        @Order(2)
        ProcessorOptionsCustomizer secondProcessorCustomizer() {
            return options -> {
                calls.add("processor second");
                options.maxDelay(Duration.ofMillis(30));
            };
        }

        @Bean
        @Order(1)
        ProcessorOptionsCustomizer firstProcessorCustomizer() {
            return options -> {
                calls.add("processor first");
                options.maxDelay(Duration.ofMillis(10)).listener(new io.github.tiktokevents.processor.DeliveryListener() {
                    @Override
                    public void delivered(String eventId, String requestId) {
                        synchronized (delivered) {
                            delivered.add(eventId);
                        }
                    }

                    @Override
                    public void failed(String eventId, io.github.tiktokevents.exception.TikTokException error) {
                    }
                });
            };
        }
    }

    /** The application's own client and processor. */
    @Configuration(proxyBeanMethods = false)
    static class OwnBeans {
        TikTokEvents client;

        @Bean
        TikTokEvents ownClient() {
            client = TikTokEvents.builder().accessToken(emulator.accessToken()).baseUrl(emulator.baseUrl())
                    .pixelCode("OWNPIXEL000000000001").build();
            return client;
        }

        @Bean
        EventProcessor ownProcessor(TikTokEvents tiktok) {
            return tiktok.processor(ProcessorOptions.builder().threadNamePrefix("own-processor")
                    .drainOnShutdown(false).build());
        }
    }
}
