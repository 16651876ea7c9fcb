package io.github.tiktokevents.emulator;

import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit Jupiter extension (JUnit 5 and 6) that runs a {@link TikTokEmulator} for your tests, resets it before each
 * test and injects it into test and lifecycle methods that declare a {@code TikTokEmulator} parameter.
 *
 * <pre>{@code
 * @ExtendWith(TikTokEmulatorExtension.class)           // one emulator for the class, access token "test-token"
 * class CheckoutTest {
 *     @Test
 *     void reportsThePurchase(TikTokEmulator tiktok) {
 *         Checkout checkout = new Checkout(tiktok.baseUrl(), tiktok.accessToken());
 *         checkout.pay(order);
 *         assertThat(tiktok.awaitEvents(1, Duration.ofSeconds(5)).get(0).eventName()).isEqualTo("Purchase");
 *     }
 * }
 *
 * class ConfiguredTest {
 *     @RegisterExtension                                  // static: one emulator per class; non-static: one per test
 *     static final TikTokEmulatorExtension TIKTOK = TikTokEmulatorExtension.configured(
 *             builder -> builder.accessToken("my-token").allowedEventSourceIds("CE3VQJJC77U1234ABCD0"));
 *
 *     @Test
 *     void retriesAfterRateLimit() {
 *         TIKTOK.emulator().faults().next(Fault.rateLimited());
 *         ...
 *     }
 * }
 * }</pre>
 *
 * <p>Lifecycle: registered with {@code @ExtendWith} or in a {@code static} field, one emulator serves the whole
 * class (and its {@code @Nested} classes), cleared of recordings and faults before each test; registered in an
 * instance field, or made with {@link #perTest()}, each test gets a fresh emulator on a new port. Emulators are
 * closed when their class or test ends.
 */
public final class TikTokEmulatorExtension implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback,
        AfterEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(TikTokEmulatorExtension.class);

    private final Consumer<TikTokEmulatorBuilder> configuration;
    private final boolean perTest;
    private volatile TikTokEmulator current;

    /** An extension whose emulators have the default settings (access token {@value TikTokEmulator#DEFAULT_ACCESS_TOKEN}). */
    public TikTokEmulatorExtension() {
        this(builder -> { }, false);
    }

    private TikTokEmulatorExtension(Consumer<TikTokEmulatorBuilder> configuration, boolean perTest) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
        this.perTest = perTest;
    }

    /**
     * An extension whose emulators are configured by {@code configuration}.
     *
     * @param configuration applied to a fresh {@link TikTokEmulator#builder()} for each emulator
     * @return the extension
     */
    public static TikTokEmulatorExtension configured(Consumer<TikTokEmulatorBuilder> configuration) {
        return new TikTokEmulatorExtension(configuration, false);
    }

    /**
     * The same extension, but starting a fresh emulator for every test even when registered statically.
     *
     * @return a new extension with the same configuration
     */
    public TikTokEmulatorExtension perTest() {
        return new TikTokEmulatorExtension(configuration, true);
    }

    /**
     * The emulator serving the current test (or class, before the first test).
     *
     * @return the running emulator
     * @throws IllegalStateException outside the tests of a class that registers this extension
     */
    public TikTokEmulator emulator() {
        TikTokEmulator emulator = current;
        if (emulator == null || !emulator.isRunning()) {
            throw new IllegalStateException("no emulator is running: use emulator() inside a test of a class that"
                    + " registers this extension");
        }
        return emulator;
    }

    /**
     * Starts the class-wide emulator, unless this extension starts one per test or an enclosing class runs one.
     *
     * @param context the class's context
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        if (!perTest && find(context) == null) {
            startIn(context);
        }
    }

    /**
     * Starts the test's own emulator when there is no class-wide one; otherwise resets the class-wide one.
     *
     * @param context the test's context
     */
    @Override
    public void beforeEach(ExtensionContext context) {
        TikTokEmulator shared = find(context);
        if (perTest || shared == null) {
            startIn(context);
        } else {
            shared.reset();
            current = shared;
        }
    }

    /**
     * Closes the test's own emulator, if it has one.
     *
     * @param context the test's context
     */
    @Override
    public void afterEach(ExtensionContext context) {
        closeOwnedBy(context);
    }

    /**
     * Closes the class-wide emulator, if this class started it.
     *
     * @param context the class's context
     */
    @Override
    public void afterAll(ExtensionContext context) {
        closeOwnedBy(context);
    }

    /**
     * Supports parameters of type {@link TikTokEmulator}.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return whether the parameter is a {@code TikTokEmulator}
     */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == TikTokEmulator.class;
    }

    /**
     * Injects the emulator of the current test or class.
     *
     * @param parameterContext the parameter
     * @param extensionContext the context
     * @return the running emulator
     */
    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        TikTokEmulator emulator = find(extensionContext);
        if (emulator == null) {
            throw new ParameterResolutionException("no TikTokEmulator is running yet for "
                    + parameterContext.getDeclaringExecutable() + ": with one emulator per test, take it as a"
                    + " parameter of the test or of a @BeforeEach method, not of a constructor or @BeforeAll");
        }
        return emulator;
    }

    private void startIn(ExtensionContext context) {
        TikTokEmulatorBuilder builder = TikTokEmulator.builder();
        configuration.accept(builder);
        TikTokEmulator emulator = builder.build().start();
        context.getStore(NAMESPACE).put(this, emulator);
        current = emulator;
    }

    /** The emulator of this extension in the context or, as JUnit's stores do, in an enclosing one. */
    private TikTokEmulator find(ExtensionContext context) {
        return context.getStore(NAMESPACE).get(this, TikTokEmulator.class);
    }

    private void closeOwnedBy(ExtensionContext context) {
        // remove() only looks at this context's own store, so an enclosing class's emulator stays up
        TikTokEmulator owned = context.getStore(NAMESPACE).remove(this, TikTokEmulator.class);
        if (owned != null) {
            owned.close();
        }
    }
}
