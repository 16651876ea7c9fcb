package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.pii.PersonalData;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The settings used while events are built: the clock that stamps events without a timestamp (and that event ages
 * are judged by), the zone for timestamps written without an offset, the country calling code for phone numbers
 * written without one, and where {@link EventWarning warnings} go. Immutable; {@link #standard()} has the system
 * UTC clock, no default zone or country code (ambiguous input is refused rather than guessed: a phone number is
 * never silently given {@code +1}) and logs warnings.
 *
 * <p>Give them to the builders that read them, {@link Event#builder(String, EventDefaults)} and
 * {@link User#builder(EventDefaults)}; keep one instance as a constant of your application. The client
 * ({@code TikTokEvents}) takes none, on purpose: personal data is normalised and SHA-256 hashed by the builder's
 * setter, before any client sees the event (so no raw phone number is ever held in an event), and a client setting
 * the builders could not see would be silently ignored.
 *
 * <pre>{@code
 * EventDefaults brazil = EventDefaults.standard()
 *         .withDefaultZone(ZoneId.of("America/Sao_Paulo"))
 *         .withDefaultPhoneCountryCode("55");
 * User user = User.builder(brazil).phone("(41) 99886-2934").build();   // hashed as +5541998862934
 * Event event = Event.builder("Purchase", brazil).timestamp("2023-02-01T00:00:00").user(user)...build();
 * }</pre>
 */
public final class EventDefaults {
    private static final System.Logger WARNINGS = System.getLogger("io.github.tiktokevents.event");
    private static final Consumer<EventWarning> LOG_WARNING = warning -> WARNINGS.log(System.Logger.Level.WARNING, warning.toString());
    private static final EventDefaults STANDARD = new EventDefaults(Clock.systemUTC(), null, null, LOG_WARNING);

    private final Clock clock;
    private final ZoneId defaultZone;
    private final String defaultPhoneCountryCode;
    private final Consumer<EventWarning> warningListener;

    private EventDefaults(Clock clock, ZoneId defaultZone, String defaultPhoneCountryCode, Consumer<EventWarning> warningListener) {
        this.clock = clock;
        this.defaultZone = defaultZone;
        this.defaultPhoneCountryCode = defaultPhoneCountryCode;
        this.warningListener = warningListener;
    }

    /**
     * The defaults: system UTC clock, no default zone, no default phone country code.
     *
     * @return the standard defaults
     */
    public static EventDefaults standard() {
        return STANDARD;
    }

    /**
     * A copy with another clock, used for events built without a timestamp (inject a fixed clock in tests).
     *
     * @param clock the clock
     * @return the new defaults
     */
    public EventDefaults withClock(Clock clock) {
        return new EventDefaults(Objects.requireNonNull(clock, "clock"), defaultZone, defaultPhoneCountryCode, warningListener);
    }

    /**
     * A copy with a zone for ISO-8601 timestamps written without an offset, such as {@code 2023-02-01T00:00:00}.
     *
     * @param zone the zone, or null to refuse such timestamps (the default)
     * @return the new defaults
     */
    public EventDefaults withDefaultZone(ZoneId zone) {
        return new EventDefaults(clock, zone, defaultPhoneCountryCode, warningListener);
    }

    /**
     * A copy with a country calling code (such as {@code "55"} or {@code "+55"}) for phone numbers written without
     * {@code +} or {@code 00}: they are read by that country's rules (libphonenumber, for the country's main region),
     * so a trunk {@code 0} is dropped where it is one ({@code 07700 900123} in the UK) and kept where it belongs to
     * the number ({@code 06 6982 1234} in Italy becomes {@code +390669821234}).
     *
     * @param callingCode 1 to 3 digits, optionally after a {@code +}; null to refuse such numbers (the default)
     * @return the new defaults
     * @throws TikTokValidationException if the code is not 1 to 3 digits or no country's (such as 999, or the
     *         non-geographic 800)
     */
    public EventDefaults withDefaultPhoneCountryCode(String callingCode) {
        String digits = callingCode == null ? null : PersonalData.countryCallingCode(callingCode);
        return new EventDefaults(clock, defaultZone, digits, warningListener);
    }

    /**
     * A copy whose events report their {@link EventWarning warnings} (a name close to a standard one, a currency
     * TikTok does not list, an old event of a source without a stated window) to the given listener, called on the
     * thread that builds the event. The standard listener logs each as one line at WARNING on the System.Logger
     * {@code io.github.tiktokevents.event}; pass {@code w -> { }} to ignore them.
     *
     * @param listener hears each warning once, when the event is built
     * @return the new defaults
     */
    public EventDefaults withWarningListener(Consumer<EventWarning> listener) {
        return new EventDefaults(clock, defaultZone, defaultPhoneCountryCode, Objects.requireNonNull(listener, "listener"));
    }

    /**
     * The clock for events built without a timestamp.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The zone for timestamps without an offset.
     *
     * @return the zone, if one is configured
     */
    public Optional<ZoneId> defaultZone() {
        return Optional.ofNullable(defaultZone);
    }

    /**
     * The country calling code for phone numbers without one, digits only.
     *
     * @return the code, if one is configured
     */
    public Optional<String> defaultPhoneCountryCode() {
        return Optional.ofNullable(defaultPhoneCountryCode);
    }

    /**
     * Where warnings about events built with these defaults go.
     *
     * @return the listener
     */
    public Consumer<EventWarning> warningListener() {
        return warningListener;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "EventDefaults{clock=" + clock + ", defaultZone=" + defaultZone
                + ", defaultPhoneCountryCode=" + defaultPhoneCountryCode + '}';
    }
}
