package io.github.tiktokevents.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.tiktokevents.BatchResult;
import io.github.tiktokevents.SendResult;
import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.client.api.EventApi;
import io.github.tiktokevents.emulator.Fault;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.RecordedRequest;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.emulator.TikTokEmulatorExtension;
import io.github.tiktokevents.event.Content;
import io.github.tiktokevents.event.ContentType;
import io.github.tiktokevents.event.Event;
import io.github.tiktokevents.event.EventDefaults;
import io.github.tiktokevents.event.EventNames;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.event.Page;
import io.github.tiktokevents.event.Properties;
import io.github.tiktokevents.event.TikTokHashing;
import io.github.tiktokevents.event.User;
import io.github.tiktokevents.exception.RateLimitException;
import io.github.tiktokevents.exception.ServerException;
import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import io.github.tiktokevents.exception.TikTokTransportException;
import io.github.tiktokevents.exception.TikTokValidationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keeps the README's "In your code" snippet compiling and true: the snippet is {@link #inYourCode()} below, word for
 * word, and its event is the one the QuickStart example sends.
 */
class ReadmeSnippetTest {
    private static final String BEGIN = "// README \"In your code\" begins";
    private static final String END = "// README \"In your code\" ends";

    // What the snippet takes from its surroundings in a real service.
    private static final String userAgent = QuickStart.USER_AGENT;
    private static final List<Event> events = List.of();
    private static final Log log = new Log();
    private static final String url = "https://shop.example/checkout";

    /** Compiled, never run: fromEnv() would read this process's environment. */
    @SuppressWarnings("unused")
    private static void inYourCode() {
        // README "In your code" begins
        try (TikTokEvents tiktok = TikTokEvents.fromEnv()) {   // TIKTOK_ACCESS_TOKEN, TIKTOK_PIXEL_ID
            Event event = Event.builder(EventNames.VIEW_CONTENT)
                    .eventId("123456789")                      // the dedup key; a random UUID if omitted
                    .timestamp("2023-02-01T00:00:00-03:00")
                    .user(User.builder()
                            .email("test@test.com")            // email, phone, external id: normalised and hashed here
                            .phone("+5541998862934")
                            .externalId("123456")
                            .ttp("94e2a4j9-h3ss-k2h5-98cc-c84a745mk098")
                            .ttclid("E.C.P.v3fQ2RHacdkfKfofPmlyuStIIHJ4Af1tKYxF9zz2c2PLx1Oaw15oHpcfl5AH")
                            .ip("13.57.97.131")
                            .userAgent(userAgent)
                            .build())
                    .page(Page.of("https://www.example.com", "https://www.google.com"))   // url, referrer
                    .properties(Properties.builder()
                            .currency("BRL")
                            .value(1.00)
                            .description("mock description")
                            .query("mock query")
                            .addContent(Content.builder()
                                    .contentType(ContentType.PRODUCT)
                                    .contentId("123456789")
                                    .contentName("mock content name")
                                    .contentCategory("mock content category")
                                    .price(1.00)
                                    .quantity(1)
                                    .build())
                            .build())
                    .build();
            SendResult result = tiktok.send(event);   // retries rate limits, server errors and timeouts itself
            if (result.isPartial()) log.warn("partial success: {}", result.data());

            BatchResult batch = tiktok.sendBatch(events);   // requests of up to 1,000 events, a result for each
            for (BatchResult.ChunkResult failed : batch.failedChunks()) {
                log.warn("{} events not sent: {}", failed.events().size(), failed.error().getMessage());
            }

            EventApi raw = tiktok.eventApi();   // the generated low-level client, for what the facade lacks
        } catch (TikTokValidationException e) {      // bad input; names the field, never the value
            log.error("invalid event: {}", e.getMessage());
        } catch (RateLimitException | ServerException e) {   // still failing after the retries
            scheduleRetry(e.retryAfter().orElse(Duration.ofSeconds(30)));
        } catch (TikTokApiException e) {             // refused: code, apiMessage, requestId
            log.error("TikTok refused: code={} request_id={}", e.code(), e.requestId());
        } catch (TikTokTransportException e) {       // no answer; resending is safe (event_id dedup)
            scheduleRetry(Duration.ofSeconds(5));
        } catch (TikTokConfigurationException e) {   // says what is missing, never the token
            log.error("TikTok is not configured: {}", e.getMessage());
        }
        // README "In your code" ends
    }

    /** Compiled, never run: the README's escape hatches for what this version does not know yet. */
    @SuppressWarnings({"unused", "resource"})
    private static void escapeHatches() {
        // README "escape hatches" begins
        Event event = Event.builder("Purchase")
                .source(EventSource.of("mini_app"))                     // enumerations are open: of(...) takes any value
                .putAdditionalField("order_channel", "app")             // any object takes fields the spec lacks
                .user(User.builder()
                        .email("jane@example.com")
                        .putAdditionalHashedField("date_of_birth", "1990-01-01", "text")   // normalised and SHA-256 hashed
                        .build())
                .properties(Properties.builder().value(25.5).currency("USD").build())
                .build();
        TikTokEvents tiktok = TikTokEvents.builder().fromEnv().sourceId(EventSource.of("mini_app"), "MINIAPP0001").build();
        // README "escape hatches" ends
    }

    /** Compiled, never run: the README's defaults for ambiguous input. */
    @SuppressWarnings("unused")
    private static void defaults() {
        // README "defaults" begins
        EventDefaults brazil = EventDefaults.standard()                 // one constant of your application
                .withDefaultPhoneCountryCode("55")                      // "(41) 99886-2934" is hashed as +5541998862934
                .withDefaultZone(ZoneId.of("America/Sao_Paulo"));       // "2023-02-01T00:00:00" is 03:00 UTC

        User user = User.builder(brazil).phone("(41) 99886-2934").build();
        Event event = Event.builder("Purchase", brazil).timestamp("2023-02-01T00:00:00")
                .user(user).page(Page.of("https://shop.example/checkout")).build();
        // README "defaults" ends
    }

    /** Compiled, never run: the README's warning listener. */
    @SuppressWarnings("unused")
    private static void warnings() {
        // README "warnings" begins
        EventDefaults defaults = EventDefaults.standard()
                .withWarningListener(warning -> log.info("TikTok: {} {}", warning.field(), warning.message()));
        Event event = Event.builder("Purchse", defaults).page(Page.of(url)).build();   // built, and the listener hears it
        // README "warnings" ends
    }

    @Test
    void theReadmeDefaultsAndWarningsAreTheCodeAbove() throws IOException {
        String source = Files.readString(moduleDir().resolve(
                "src/test/java/io/github/tiktokevents/examples/ReadmeSnippetTest.java"), StandardCharsets.UTF_8);
        String readme = Files.readString(moduleDir().resolve("../README.md"), StandardCharsets.UTF_8);

        assertThat(between(readme, "silently ignored).\n\n```java\n", "```\n"))
                .isEqualTo(between(source, "// README \"defaults\" begins\n", "// README \"defaults\" ends").stripIndent());
        assertThat(between(readme, "io.github.tiktokevents.event`:\n\n```java\n", "```\n"))
                .isEqualTo(between(source, "// README \"warnings\" begins\n", "// README \"warnings\" ends").stripIndent());
    }

    /** What the README's emulator snippet takes from its surroundings: the application under test. */
    private static final Checkout checkout = new Checkout();
    private static final Object order = new Object();

    /**
     * Compiled, never run: the README's emulator snippet, whose application is a stand-in. A local class, so test
     * discovery never sees it.
     */
    @SuppressWarnings("unused")
    private static void emulatorSnippet() {
        // README "emulator" begins
        @ExtendWith(TikTokEmulatorExtension.class)          // access token "test-token"
        class CheckoutTest {
            @Test
            void reportsThePurchase(TikTokEmulator tiktok) {
                // point your client at tiktok.baseUrl() with tiktok.accessToken(), then:
                checkout.pay(order);

                RecordedEvent purchase = tiktok.awaitEvents(1, Duration.ofSeconds(5)).get(0);
                assertThat(purchase.eventName()).isEqualTo("Purchase");
                assertThat(purchase.at("/user/email")).hasValue(TikTokHashing.email("jane@example.com"));
            }

            @Test
            void retriesWhenRateLimited(TikTokEmulator tiktok) {
                tiktok.faults().next(Fault.rateLimited());          // the next request gets code 40100
                checkout.pay(order);
                assertThat(tiktok.requests()).extracting(RecordedRequest::accepted).containsExactly(false, true);
            }
        }
        // README "emulator" ends
    }

    @Test
    void theReadmeEmulatorSnippetIsTheCodeAbove() throws IOException {
        String source = Files.readString(moduleDir().resolve(
                "src/test/java/io/github/tiktokevents/examples/ReadmeSnippetTest.java"), StandardCharsets.UTF_8);
        String inThisFile = between(source, "// README \"emulator\" begins\n", "// README \"emulator\" ends")
                .stripIndent();
        String readme = Files.readString(moduleDir().resolve("../README.md"), StandardCharsets.UTF_8);

        assertThat(between(readme, "injects it:\n\n```java\n", "```\n")).isEqualTo(inThisFile);
    }

    @Test
    void theReadmeEscapeHatchesAreTheCodeAbove() throws IOException {
        String source = Files.readString(moduleDir().resolve(
                "src/test/java/io/github/tiktokevents/examples/ReadmeSnippetTest.java"), StandardCharsets.UTF_8);
        String inThisFile = between(source, "// README \"escape hatches\" begins\n", "// README \"escape hatches\" ends")
                .stripIndent();
        String readme = Files.readString(moduleDir().resolve("../README.md"), StandardCharsets.UTF_8);

        assertThat(between(readme, "before this SDK's spec does:\n\n```java\n", "```\n")).isEqualTo(inThisFile);
    }

    @Test
    void theReadmeSnippetIsTheCodeAbove() throws IOException {
        String source = Files.readString(moduleDir().resolve(
                "src/test/java/io/github/tiktokevents/examples/ReadmeSnippetTest.java"), StandardCharsets.UTF_8);
        String inThisFile = between(source, BEGIN + "\n", END).stripIndent();

        assertThat(readmeSnippet()).isEqualTo(inThisFile);
    }

    @Test
    void theReadmeEventIsTheQuickStartEvent() throws IOException {
        String quickStart = Files.readString(moduleDir().resolve(
                "src/main/java/io/github/tiktokevents/examples/QuickStart.java"), StandardCharsets.UTF_8);
        String quickStartEvent = chain(quickStart, "return Event.builder(")
                // QuickStart stamps the event with the README's time only on the emulator, and names its constant
                .replace(".timestamp(timestamp)", ".timestamp(\"" + QuickStart.README_TIMESTAMP + "\")")
                .replace(".userAgent(USER_AGENT)", ".userAgent(userAgent)")
                // and shows the SDK's warnings in its report through the defaults it builds with
                .replace("EventNames.VIEW_CONTENT,defaults)", "EventNames.VIEW_CONTENT)");

        assertThat(chain(readmeSnippet(), "Event event = Event.builder(")).isEqualTo(quickStartEvent);
    }

    /** The code block after "In your code:" in README.md. */
    private static String readmeSnippet() throws IOException {
        String readme = Files.readString(moduleDir().resolve("../README.md"), StandardCharsets.UTF_8);
        return between(readme, "In your code:\n\n```java\n", "```\n");
    }

    /** The builder chain from {@code start} to its final {@code .build();}, without comments, spaces or line breaks. */
    private static String chain(String code, String start) {
        String from = code.substring(code.indexOf(start) + start.length());
        Matcher end = Pattern.compile("^\\s*\\.build\\(\\);", Pattern.MULTILINE).matcher(from);
        assertThat(end.find()).as("the chain after " + start + " ends with .build();").isTrue();
        return from.substring(0, end.end())
                .replaceAll("\\s//\\s[^\\n]*", "")   // comments; URLs hold "//" without spaces around it
                .replaceAll("\\s+", "");
    }

    private static String between(String text, String begin, String end) {
        int from = text.indexOf(begin);
        assertThat(from).as("where " + begin.strip() + " is").isNotNegative();
        int to = text.indexOf(end, from + begin.length());
        assertThat(to).as("where " + end.strip() + " is").isNotNegative();
        return text.substring(from + begin.length(), to);
    }

    private static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "."));
    }

    private static void scheduleRetry(Duration after) {
    }

    /** Stands in for the application the README's emulator snippet tests. */
    private static final class Checkout {
        void pay(Object order) {
        }
    }

    /** Stands in for the service's logger. */
    private static final class Log {
        void warn(String format, Object... args) {
        }

        void info(String format, Object... args) {
        }

        void error(String format, Object... args) {
        }
    }
}
