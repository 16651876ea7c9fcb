package io.github.tiktokevents.examples;

import io.github.tiktokevents.TikTokEvents;
import io.github.tiktokevents.emulator.RecordedRequest;
import io.github.tiktokevents.emulator.TikTokEmulator;
import io.github.tiktokevents.event.EventSource;
import io.github.tiktokevents.exception.TikTokConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the examples send: real TikTok when {@code TIKTOK_ACCESS_TOKEN} is set, otherwise an emulator started in this
 * process. The only place the examples read the environment, through the lookup given to
 * {@link #fromEnvironment(Function)}.
 *
 * <pre>{@code
 * try (ExampleTarget target = ExampleTarget.fromEnvironment(System::getenv)) {
 *     SendResult result = target.client().send(event);
 * }
 * }</pre>
 */
public final class ExampleTarget implements AutoCloseable {
    /** Set it to send to real TikTok. */
    public static final String ACCESS_TOKEN = "TIKTOK_ACCESS_TOKEN";
    /** The misspelling the original Python library used; the SDK accepts it too. */
    public static final String ACCESS_TOKEN_MISSPELT = "TIKTOK_ACESS_TOKEN";
    /** The pixel code web events are sent under. */
    public static final String PIXEL_ID = "TIKTOK_PIXEL_ID";
    /** Optional; marks the events as test events (Events Manager &gt; Test Events). */
    public static final String TEST_EVENT_CODE = "TIKTOK_TEST_EVENT_CODE";
    /** The Business API version; {@code v1.3} when not set. */
    public static final String API_VERSION = "TIKTOK_API_VERSION";
    /** The offline event set id, for offline events on real TikTok. */
    public static final String OFFLINE_EVENT_SET_ID = "TIKTOK_OFFLINE_EVENT_SET_ID";
    /** The CRM event set id, for CRM events on real TikTok. */
    public static final String CRM_EVENT_SET_ID = "TIKTOK_CRM_EVENT_SET_ID";

    /** Stand-in ids for the emulator, shaped like TikTok's. */
    static final String EMULATOR_PIXEL_ID = "CE3VQJJC77U1234ABCD0";
    static final String EMULATOR_OFFLINE_EVENT_SET_ID = "7300000000000000001";
    static final String EMULATOR_CRM_EVENT_SET_ID = "7300000000000000002";

    private final TikTokEvents client;
    private final TikTokEmulator emulator;
    private final Function<String, String> env;

    private ExampleTarget(TikTokEvents client, TikTokEmulator emulator, Function<String, String> env) {
        this.client = client;
        this.emulator = emulator;
        this.env = env;
    }

    /**
     * Real TikTok when the environment holds an access token, else a fresh emulator.
     *
     * @param env the environment lookup, such as {@code System::getenv}
     * @return the target; close it when done
     * @throws TikTokConfigurationException if the token is set but the rest of the configuration is not
     */
    public static ExampleTarget fromEnvironment(Function<String, String> env) {
        if (value(env, ACCESS_TOKEN) == null && value(env, ACCESS_TOKEN_MISSPELT) == null) {
            return startEmulator();
        }
        TikTokEvents client = TikTokEvents.builder().fromEnv(env).build();   // every id, including offline and CRM
        return new ExampleTarget(client, null, env);
    }

    /**
     * An emulator started in this process, and a client pointed at it with ids for every source but apps.
     *
     * @return the target; close it to stop the emulator
     */
    public static ExampleTarget startEmulator() {
        TikTokEmulator emulator = TikTokEmulator.builder().accessToken(TikTokEmulator.DEFAULT_ACCESS_TOKEN).build().start();
        try {
            TikTokEvents client = TikTokEvents.builder()
                    .baseUrl(emulator.baseUrl())
                    .accessToken(emulator.accessToken())
                    .pixelCode(EMULATOR_PIXEL_ID)
                    .offlineEventSetId(EMULATOR_OFFLINE_EVENT_SET_ID)
                    .crmEventSetId(EMULATOR_CRM_EVENT_SET_ID)
                    .build();
            return new ExampleTarget(client, emulator, name -> null);
        } catch (RuntimeException e) {
            emulator.close();
            throw e;
        }
    }

    /** @return the client to send with */
    public TikTokEvents client() {
        return client;
    }

    /** @return the emulator, when sending to one */
    public Optional<TikTokEmulator> emulator() {
        return Optional.ofNullable(emulator);
    }

    /** @return whether events go to the in-process emulator rather than TikTok */
    public boolean isEmulator() {
        return emulator != null;
    }

    /** @return one line saying where events go, without the token */
    public String describe() {
        if (emulator != null) {
            return "the in-process TikTok emulator at " + emulator.baseUrl() + " (" + ACCESS_TOKEN + " is not set)";
        }
        String testCode = value(env, TEST_EVENT_CODE);
        return "real TikTok (" + TikTokEvents.DEFAULT_BASE_URL + "), "
                + (testCode == null ? "LIVE events: no " + TEST_EVENT_CODE + " set" : "as test events (" + TEST_EVENT_CODE + " is set)");
    }

    /** @return the pixel code web events go to (raw EventApi calls need it) */
    public Optional<String> pixelId() {
        return emulator != null ? Optional.of(EMULATOR_PIXEL_ID) : Optional.ofNullable(value(env, PIXEL_ID));
    }

    /** @return the test event code, on real TikTok when set */
    public Optional<String> testEventCode() {
        return Optional.ofNullable(value(env, TEST_EVENT_CODE));
    }

    /** @return the Business API version to call */
    public String apiVersion() {
        String version = value(env, API_VERSION);
        return version == null ? TikTokEvents.DEFAULT_API_VERSION : version;
    }

    /**
     * The environment variables real TikTok still needs for these sources; always empty for the emulator.
     *
     * @param sources the sources an example sends
     * @return the missing variable names, in the order of the sources
     */
    public List<String> missingSettings(EventSource... sources) {
        List<String> missing = new ArrayList<>();
        if (emulator != null) {
            return missing;
        }
        // sources are open values (a newer one may come from EventSource.of), so a lookup, not an exhaustive switch
        Map<EventSource, String> variables = Map.of(EventSource.WEB, PIXEL_ID, EventSource.OFFLINE, OFFLINE_EVENT_SET_ID,
                EventSource.CRM, CRM_EVENT_SET_ID);
        for (EventSource source : sources) {
            String variable = variables.get(source);
            if (variable != null && value(env, variable) == null) {
                missing.add(variable);
            }
        }
        return missing;
    }

    /** @return what the emulator received so far (bodies hold hashed personal data only); empty for real TikTok */
    public List<RecordedRequest> recordedRequests() {
        return emulator == null ? List.of() : emulator.requests();
    }

    /** Closes the client, then the emulator. */
    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private static String value(Function<String, String> env, String name) {
        String value = env.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
