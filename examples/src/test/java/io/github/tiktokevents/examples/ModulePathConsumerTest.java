package io.github.tiktokevents.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.RecordedEvent;
import io.github.tiktokevents.emulator.TikTokEmulator;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A modular application ({@code module-info.java} with {@code requires io.github.tiktokevents;}) compiles against the
 * SDK's jars on the module path, and runs there with the flags the README's "Java modules" note gives. The module
 * path is what a user's build would put there: the facade's jar and its runtime dependencies, as Maven resolved them
 * for the facade ({@code facade/target/runtime-classpath.txt}, written at package).
 *
 * <p>Needs the packaged jars, so it runs under {@code mvn verify} (what CI runs); under {@code mvn test} the SDK is a
 * classes directory, which cannot be a named module, and the test is skipped.
 */
class ModulePathConsumerTest {
    private static final String MODULE_INFO = """
            module consumer.app {
                requires io.github.tiktokevents;
            }
            """;
    private static final String MAIN = """
            package consumer.app;

            import io.github.tiktokevents.SendResult;
            import io.github.tiktokevents.TikTokEvents;
            import io.github.tiktokevents.event.Event;
            import io.github.tiktokevents.event.Page;
            import io.github.tiktokevents.event.User;

            public final class Main {
                public static void main(String[] args) {
                    try (TikTokEvents tiktok = TikTokEvents.builder().baseUrl(args[0]).accessToken(args[1])
                            .pixelCode("CE3VQJJC77U1234ABCD0").build()) {
                        Event event = Event.builder("ViewContent").eventId("module-path-1")
                                .user(User.builder().email("jane@example.com").build())
                                .page(Page.of("https://www.example.com", null))
                                .build();
                        SendResult result = tiktok.send(event);
                        System.out.println("code=" + result.code() + " module=" + TikTokEvents.class.getModule().getName());
                    }
                }
            }
            """;
    /** The README's flags: modules an automatic module cannot require itself, and the internals the generated client uses. */
    static final List<String> RUNTIME_FLAGS = List.of(
            "--add-modules", "okhttp3,okio,kotlin.stdlib,com.google.gson,java.sql",
            "--add-exports", "okhttp3/okhttp3.internal.http=io.github.tiktokevents.client",
            "--add-exports", "okhttp3/okhttp3.internal.tls=io.github.tiktokevents.client",
            "--add-exports", "com.google.gson/com.google.gson.internal.bind.util=io.github.tiktokevents.client");

    private static Path facadeJar;
    private static List<Path> modulePath;

    @BeforeAll
    static void locateTheJars() throws IOException, URISyntaxException {
        facadeJar = Path.of(TikTokEvents.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assumeTrue(facadeJar.toString().endsWith(".jar"),
                "the SDK is not packaged yet (" + facadeJar + "): run mvn verify");
        Path dependencies = facadeJar.resolveSibling("runtime-classpath.txt");
        modulePath = new ArrayList<>();
        modulePath.add(facadeJar);
        for (String entry : Files.readString(dependencies, StandardCharsets.UTF_8).strip().split(File.pathSeparator)) {
            // as the README says: a jar without classes stays off the module path (OkHttp 4's okio root jar would
            // otherwise take the module name okio from okio-jvm)
            if (holdsClasses(Path.of(entry))) {
                modulePath.add(Path.of(entry));
            }
        }
    }

    private static boolean holdsClasses(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().anyMatch(entry -> entry.getName().endsWith(".class"));
        }
    }

    @Test
    void theSdkJarsNameTheirModules() throws IOException {
        assertThat(automaticModuleName(facadeJar)).isEqualTo("io.github.tiktokevents");
        Path clientJar = modulePath.stream()
                .filter(p -> p.getFileName().toString().startsWith("tiktok-events-client-")).findFirst().orElseThrow();
        assertThat(automaticModuleName(clientJar)).isEqualTo("io.github.tiktokevents.client");
    }

    @Test
    void aModularApplicationCompilesAndSendsOnTheModulePath(@TempDir Path work) throws Exception {
        Path sources = work.resolve("src/consumer.app");
        Files.createDirectories(sources.resolve("consumer/app"));
        Files.writeString(sources.resolve("module-info.java"), MODULE_INFO);
        Files.writeString(sources.resolve("consumer/app/Main.java"), MAIN);
        Path classes = work.resolve("classes");

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = javac.getTask(diagnostics, null, null, List.of(
                        "--module-path", joined(modulePath), "--module-source-path", work.resolve("src").toString(),
                        "--module", "consumer.app", "-d", classes.toString(), "-Xlint:all,-requires-automatic", "-Werror"),
                null, null).call();
        assertThat(compiled).as("javac on the module path:%n%s", diagnostics).isTrue();

        try (TikTokEmulator emulator = TikTokEmulator.builder().accessToken("test-token").build().start()) {
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "--module-path", classes + File.pathSeparator + joined(modulePath)));
            command.addAll(RUNTIME_FLAGS);
            command.addAll(List.of("-m", "consumer.app/consumer.app.Main", emulator.baseUrl(), emulator.accessToken()));
            Process app = new ProcessBuilder(command).redirectErrorStream(true).start();
            // a bound against a hung child, not a timing assertion
            boolean ended = app.waitFor(2, TimeUnit.MINUTES);
            String output = new String(app.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!ended) {
                app.destroyForcibly();
            }

            assertThat(ended).as("the modular application ended: %s", output).isTrue();
            assertThat(app.exitValue()).as(output).isZero();
            assertThat(output).contains("code=0 module=io.github.tiktokevents");
            List<RecordedEvent> received = emulator.awaitEvents(1, Duration.ofSeconds(10));
            assertThat(received).extracting(RecordedEvent::eventName, RecordedEvent::eventId)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("ViewContent", "module-path-1"));
        }
    }

    @Test
    void theReadmeGivesTheseRuntimeFlags() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        for (int i = 0; i < RUNTIME_FLAGS.size(); i += 2) {
            assertThat(readme).contains(RUNTIME_FLAGS.get(i) + " " + RUNTIME_FLAGS.get(i + 1));
        }
    }

    private static String automaticModuleName(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
        }
    }

    private static String joined(List<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }
}
