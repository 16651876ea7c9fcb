package io.github.tiktokevents.emulator;

import static io.github.tiktokevents.emulator.Clients.sha256;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's promise, end to end: "when TikTok changes the API, edit the spec and rebuild". A copy of the spec gains a
 * plain field ({@code properties.order_channel}), a hashed user field ({@code user.date_of_birth}) and a new event
 * source ({@code mini_app}); generating the facade from it and compiling it with the unchanged hand-written code
 * gives a {@code TikTokEvents} that sends all three, and the emulator (reading the same copy) accepts them.
 */
class SpecChangeEndToEndTest {
    private static final Path SPEC = Path.of(System.getProperty("tiktok.spec", "../spec/tiktok-events-api.yaml"));

    /** A program a user would write against the new fields; compiled with the facade generated from the copy. */
    private static final String PROGRAM = """
            package promise;

            import io.github.tiktokevents.TikTokEvents;
            import io.github.tiktokevents.event.Event;
            import io.github.tiktokevents.event.EventSource;
            import io.github.tiktokevents.event.Properties;
            import io.github.tiktokevents.event.User;

            public final class NewFields {
                public static String send(String baseUrl, String token, long epochSeconds) {
                    EventSource miniApp = EventSource.of("mini_app");
                    try (TikTokEvents tiktok = TikTokEvents.builder().accessToken(token).baseUrl(baseUrl)
                            .sourceId(miniApp, "MINIAPP0001").build()) {
                        Event event = Event.builder("Purchase")
                                .source(miniApp)
                                .eventId("spec-change-1")
                                .epochSeconds(epochSeconds)
                                .user(User.builder().email("Jane@Example.com").dateOfBirth(" 1990-01-01 ").build())
                                .properties(Properties.builder().currency("USD").value(25.5).orderChannel("app").build())
                                .build();
                        return tiktok.send(event).code() + " " + miniApp.isKnown();
                    }
                }
            }
            """;

    @TempDir
    Path work;

    @Test
    void aPlainFieldAHashedFieldAndANewSourceAddedToTheSpecAreSentAfterARebuild() throws Exception {
        Path copy = Files.writeString(work.resolve("tiktok-events-api.yaml"), withTheThreeAdditions(Files.readString(SPEC)));

        SpecCopyBuild.Result build = SpecCopyBuild.build(copy, work.resolve("build"), Map.of("promise/NewFields.java", PROGRAM));
        assertThat(build.diagnostics()).isEmpty();

        try (TikTokEmulator emulator = TikTokEmulator.builder().spec(copy).build().start()) {
            Class<?> program = build.loader().loadClass("promise.NewFields");
            Method send = program.getMethod("send", String.class, String.class, long.class);
            Object outcome = send.invoke(null, emulator.baseUrl(), TikTokEmulator.DEFAULT_ACCESS_TOKEN,
                    Instant.now().getEpochSecond() - 60);

            assertThat(outcome).isEqualTo("0 true"); // accepted; and mini_app is a constant of the rebuilt EventSource
            RecordedRequest request = emulator.requests().get(0);
            assertThat(request.accepted()).isTrue();
            assertThat(request.body()).contains("\"event_source\":\"mini_app\"", "\"event_source_id\":\"MINIAPP0001\"");
            RecordedEvent event = emulator.events().get(0);
            assertThat(event.at("/user/date_of_birth")).hasValue(sha256("1990-01-01"));
            assertThat(event.at("/user/email")).hasValue(sha256("jane@example.com"));
            assertThat(event.at("/properties/order_channel")).hasValue("app");
            assertThat(request.body()).doesNotContain("1990-01-01", "Jane@Example.com");
        }
    }

    @Test
    void theSameProgramDoesNotCompileAgainstTheSpecWithoutTheAdditions() throws IOException {
        SpecCopyBuild.Result build = SpecCopyBuild.build(SPEC, work.resolve("build"), Map.of("promise/NewFields.java", PROGRAM));

        assertThat(build.compiled()).isFalse();
        assertThat(build.diagnostics()).contains("dateOfBirth", "orderChannel");
    }

    /** The three edits a maintainer makes when TikTok announces them. */
    static String withTheThreeAdditions(String spec) {
        String edited = insertAfter(spec, "$ref: '#/components/schemas/Content'",
                "        order_channel:",
                "          type: string",
                "          description: Where the order was placed (a new plain field).");
        edited = insertAfter(edited, "description: The lead id for offline events",
                "          example: \"7124365412316213\"",
                "        date_of_birth:",
                "          allOf:",
                "            - $ref: '#/components/schemas/Sha256Hex'",
                "          description: SHA-256 hashed date of birth (a new personal field).",
                "          x-tiktok-pii: text");
        String sources = "enum: [web, app, offline, crm]";
        assertThat(edited).containsOnlyOnce(sources);
        return edited.replace(sources, "enum: [web, app, offline, crm, mini_app]");
    }

    private static String insertAfter(String spec, String anchor, String... lines) {
        assertThat(spec).containsOnlyOnce(anchor);
        int lineEnd = spec.indexOf('\n', spec.indexOf(anchor)) + 1;
        return spec.substring(0, lineEnd) + String.join("\n", lines) + "\n" + spec.substring(lineEnd);
    }
}
