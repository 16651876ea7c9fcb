package io.github.tiktokevents.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Runs sample test classes (static nested classes, which Surefire does not run by itself) through JUnit's engine
 * test kit, then checks which emulators they saw and that all were closed.
 */
class TikTokEmulatorExtensionTest {
    private static final List<TikTokEmulator> SEEN = new CopyOnWriteArrayList<>();

    private static Events run(Class<?> sample) {
        SEEN.clear();
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(sample)).execute().testEvents();
    }

    /** Each sample test checks it starts clean, then leaves a fault and a request behind for the next one. */
    private static void useOnce(TikTokEmulator emulator) {
        SEEN.add(emulator);
        assertThat(emulator.isRunning()).isTrue();
        assertThat(emulator.requestCount()).isZero();
        assertThat(Clients.post(emulator, Endpoint.EVENT_TRACK, "{}").code()).isEqualTo(TikTokCodes.INVALID_PARAMETER);
        emulator.faults().every(1, Fault.systemError());
    }

    @ExtendWith(TikTokEmulatorExtension.class)
    static class ClassWideSample {
        @BeforeAll
        static void before(TikTokEmulator emulator) {
            SEEN.add(emulator);
        }

        @Test
        void first(TikTokEmulator emulator) {
            useOnce(emulator);
        }

        @Test
        void second(TikTokEmulator emulator) {
            useOnce(emulator);
        }
    }

    @Test
    void sharesOneEmulatorAcrossAClassAndResetsItBeforeEachTest() {
        run(ClassWideSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(3);
        assertThat(SEEN.stream().distinct()).hasSize(1);
        assertThat(SEEN.get(0).isRunning()).isFalse();
        assertThat(SEEN.get(0).accessToken()).isEqualTo(TikTokEmulator.DEFAULT_ACCESS_TOKEN);
    }

    static class PerTestSample {
        @RegisterExtension
        final TikTokEmulatorExtension tiktok = new TikTokEmulatorExtension();

        @Test
        void first(TikTokEmulator emulator) {
            useOnce(emulator);
        }

        @Test
        void second(TikTokEmulator emulator) {
            useOnce(emulator);
        }
    }

    @Test
    void givesEachTestItsOwnEmulatorWhenRegisteredInAnInstanceField() {
        run(PerTestSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates().noneMatch(TikTokEmulator::isRunning);
    }

    static class ConfiguredPerTestSample {
        @RegisterExtension
        static final TikTokEmulatorExtension TIKTOK =
                TikTokEmulatorExtension.configured(builder -> builder.accessToken("custom-token")).perTest();

        @Test
        void first(TikTokEmulator emulator) {
            assertThat(TIKTOK.emulator()).isSameAs(emulator);
            assertThat(emulator.accessToken()).isEqualTo("custom-token");
            useOnce(emulator);
        }

        @Test
        void second() {
            useOnce(TIKTOK.emulator());
        }
    }

    @Test
    void appliesTheConfigurationAndStartsOnePerTestWhenAsked() {
        run(ConfiguredPerTestSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2).doesNotHaveDuplicates().noneMatch(TikTokEmulator::isRunning);
    }

    @ExtendWith(TikTokEmulatorExtension.class)
    static class NestedSample {
        @Test
        void outer(TikTokEmulator emulator) {
            useOnce(emulator);
        }

        @Nested
        class Inner {
            @Test
            void inner(TikTokEmulator emulator) {
                useOnce(emulator);
            }
        }
    }

    @Test
    void letsNestedClassesShareTheEnclosingEmulator() {
        run(NestedSample.class).assertStatistics(stats -> stats.started(2).succeeded(2));

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.stream().distinct()).hasSize(1);
        assertThat(SEEN.get(0).isRunning()).isFalse();
    }

    @Test
    void refusesToHandOutAnEmulatorOutsideATest() {
        TikTokEmulatorExtension extension = new TikTokEmulatorExtension();

        org.assertj.core.api.Assertions.assertThatThrownBy(extension::emulator)
                .isInstanceOf(IllegalStateException.class);
    }
}
