package io.github.tiktokevents.internal.rules;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The event rules the SDK and the emulator share, so that what one refuses the other refuses too. The figures come
 * from the spec ({@code info.x-tiktok-rules}, generated into {@link SpecRules}); the logic is here, once. Each check
 * returns at most one finding; {@link #check(EventFacts)} runs those about a whole event.
 *
 * <pre>{@code
 * EventRules rules = EventRules.standard(clock);
 * for (RuleFinding finding : rules.check(new EventFacts("web", "Purchse", epochSecond, true, true, "USD"))) { ... }
 * }</pre>
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class EventRules {
    private static final String EVENT_TIME = "event_time";
    private static final Set<String> ISO_4217 = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toUnmodifiableSet());

    private final Clock clock;
    private final Duration futureTolerance;

    private EventRules(Clock clock, Duration futureTolerance) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.futureTolerance = Objects.requireNonNull(futureTolerance, "futureTolerance");
    }

    /**
     * The rules as the spec states them, judging times by the given clock.
     *
     * @param clock the clock event times are compared with
     * @return the rules
     */
    public static EventRules standard(Clock clock) {
        return new EventRules(clock, SpecRules.FUTURE_TOLERANCE);
    }

    /**
     * A copy with another tolerance for future event times (the emulator lets a test choose one).
     *
     * @param tolerance how far ahead of the clock an event time may be
     * @return the new rules
     */
    public EventRules withFutureTolerance(Duration tolerance) {
        return new EventRules(clock, tolerance);
    }

    /**
     * Every rule about one event, errors and warnings, in a fixed order (page, time, currency, value, name).
     *
     * @param event what the rules look at
     * @return the findings; empty when the event breaks no rule
     */
    public List<RuleFinding> check(EventFacts event) {
        return new ArrayList<>(check(clock, futureTolerance, event.source(), event.name(), event.epochSecond(),
                event.hasPage(), event.hasValue(), event.currency())); // the caller's to add to
    }

    /**
     * {@link #check(EventFacts)} with the spec's rules and tolerance, for the SDK's builders: the same findings
     * without an {@code EventRules} or an {@code EventFacts} made for every event built.
     *
     * @param clock the clock event times are compared with
     * @param source the event source's wire value
     * @param name the event name
     * @param epochSecond the event time in Unix seconds
     * @param hasPage whether the event has a page
     * @param hasValue whether its properties have a value
     * @param currency its currency, or null
     * @return the findings, errors and warnings, in a fixed order; empty when the event breaks no rule; not to be
     *         modified (an unmodifiable empty list when there is none)
     */
    public static List<RuleFinding> checkStandard(Clock clock, String source, String name, long epochSecond,
                                                  boolean hasPage, boolean hasValue, String currency) {
        return check(clock, SpecRules.FUTURE_TOLERANCE, source, name, epochSecond, hasPage, hasValue, currency);
    }

    private static List<RuleFinding> check(Clock clock, Duration futureTolerance, String source, String name,
                                           long epochSecond, boolean hasPage, boolean hasValue, String currency) {
        // No lambdas or list until there is a finding: this runs for every event the SDK builds.
        List<RuleFinding> findings = List.of();
        findings = with(findings, page(source, hasPage));
        findings = with(findings, time(clock, futureTolerance, source, epochSecond));
        findings = with(findings, currency(currency));
        findings = with(findings, valueNeedsCurrency(hasValue, currency));
        findings = with(findings, eventName(source, name));
        return findings;
    }

    private static List<RuleFinding> with(List<RuleFinding> findings, Optional<RuleFinding> finding) {
        if (finding.isEmpty()) {
            return findings;
        }
        List<RuleFinding> more = findings.isEmpty() ? new ArrayList<>(2) : findings;
        more.add(finding.get());
        return more;
    }

    /**
     * Web events need a page.
     *
     * @param source the event source
     * @param hasPage whether the event has a page
     * @return an error for a web event without a page
     */
    public static Optional<RuleFinding> page(String source, boolean hasPage) {
        return "web".equals(source) && !hasPage
                ? Optional.of(RuleFinding.error("page", "is required for web events (Page.of(url))"))
                : Optional.empty();
    }

    /**
     * The event time against the clock: not further ahead than the tolerance, not older than its source's window
     * (an error), and for sources without a window, a warning past {@link SpecRules#EVENT_AGE_WARNING}.
     *
     * @param source the event source
     * @param epochSecond the event time in Unix seconds
     * @return the finding, if any
     */
    public Optional<RuleFinding> time(String source, long epochSecond) {
        return time(clock, futureTolerance, source, epochSecond);
    }

    private static Optional<RuleFinding> time(Clock clock, Duration futureTolerance, String source, long epochSecond) {
        // In whole seconds, as Instant.plus/minus then getEpochSecond() would give, without their objects.
        Instant now = clock.instant();
        if (epochSecond > secondsAfter(now, futureTolerance)) {
            return Optional.of(RuleFinding.error(EVENT_TIME, "is in the future (more than " + describe(futureTolerance)
                    + " ahead of the clock; was the zone or the unit wrong?)"));
        }
        Duration window = SpecRules.MAX_EVENT_AGE.get(source);
        if (window != null && epochSecond < secondsBefore(now, window)) {
            return Optional.of(RuleFinding.error(EVENT_TIME, "is older than " + describe(window) + ", the longest TikTok takes for "
                    + source + " events"));
        }
        if (window == null && epochSecond < secondsBefore(now, SpecRules.EVENT_AGE_WARNING)) {
            return Optional.of(RuleFinding.warning(EVENT_TIME, "is older than " + describe(SpecRules.EVENT_AGE_WARNING)
                    + "; TikTok states no window for " + source + " events and may disregard it"));
        }
        return Optional.empty();
    }

    /** {@code now.plus(d).getEpochSecond()}, saturated instead of overflowing. */
    private static long secondsAfter(Instant now, Duration d) {
        long carry = now.getNano() + d.getNano() >= 1_000_000_000 ? 1 : 0;
        long seconds = d.getSeconds() + carry;
        return now.getEpochSecond() > Long.MAX_VALUE - seconds ? Long.MAX_VALUE : now.getEpochSecond() + seconds;
    }

    /** {@code now.minus(d).getEpochSecond()}, saturated instead of overflowing. */
    private static long secondsBefore(Instant now, Duration d) {
        long borrow = now.getNano() < d.getNano() ? 1 : 0;
        long seconds = d.getSeconds() + borrow;
        return now.getEpochSecond() < Long.MIN_VALUE + seconds ? Long.MIN_VALUE : now.getEpochSecond() - seconds;
    }

    /**
     * A currency must be an ISO 4217 code; one TikTok does not list is sent with a warning.
     *
     * @param currency the code, or null
     * @return the finding, if any
     */
    public static Optional<RuleFinding> currency(String currency) {
        if (currency == null) {
            return Optional.empty();
        }
        if (!ISO_4217.contains(currency)) {
            return Optional.of(RuleFinding.error("properties.currency", "is not an ISO 4217 currency code (such as USD, EUR, BRL)"));
        }
        if (!SpecRules.CURRENCIES.contains(currency)) {
            return Optional.of(RuleFinding.warning("properties.currency", "is an ISO 4217 code TikTok does not list as supported"));
        }
        return Optional.empty();
    }

    /**
     * A value means nothing without its currency.
     *
     * @param hasValue whether {@code properties.value} is set
     * @param currency {@code properties.currency}, or null
     * @return an error for a value without a currency
     */
    public static Optional<RuleFinding> valueNeedsCurrency(boolean hasValue, String currency) {
        return SpecRules.VALUE_REQUIRES_CURRENCY && hasValue && currency == null
                ? Optional.of(RuleFinding.error("properties.currency", "is required when properties.value is set"))
                : Optional.empty();
    }

    /**
     * A custom name close to a standard one is probably a mistake; custom names are allowed, so only a warning.
     *
     * @param source the event source
     * @param name the event name
     * @return a warning naming the standard names meant, if any
     */
    public static Optional<RuleFinding> eventName(String source, String name) {
        return EventNameCheck.check(source, name);
    }

    /**
     * A text value may be at most {@link SpecRules#MAX_TEXT_LENGTH} characters.
     *
     * @param field the field, for the message
     * @param length the value's length in characters
     * @return an error for a longer value
     */
    public static Optional<RuleFinding> text(String field, int length) {
        return length > SpecRules.MAX_TEXT_LENGTH
                ? Optional.of(RuleFinding.error(field, "is longer than " + SpecRules.MAX_TEXT_LENGTH + " characters"))
                : Optional.empty();
    }

    /**
     * A request body may be at most {@link SpecRules#MAX_REQUEST_BYTES} bytes.
     *
     * @param bytes the body's size
     * @return an error for a larger body
     */
    public static Optional<RuleFinding> requestSize(long bytes) {
        return bytes > SpecRules.MAX_REQUEST_BYTES
                ? Optional.of(RuleFinding.error("request", "is larger than " + SpecRules.MAX_REQUEST_BYTES
                        + " bytes: send fewer events per request"))
                : Optional.empty();
    }

    /**
     * The clock's current instant.
     *
     * @return now
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * The largest request body, in bytes.
     *
     * @return the bound
     */
    public static int maxRequestBytes() {
        return SpecRules.MAX_REQUEST_BYTES;
    }

    /**
     * The longest text value, in characters.
     *
     * @return the bound
     */
    public static int maxTextLength() {
        return SpecRules.MAX_TEXT_LENGTH;
    }

    private static String describe(Duration duration) {
        long hours = duration.toHours();
        if (hours >= 24 && hours % 24 == 0) {
            return hours / 24 + " days";
        }
        if (duration.toMinutes() >= 60 && duration.toMinutes() % 60 == 0) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        return duration.toMinutes() + " minutes";
    }
}
