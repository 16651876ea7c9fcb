package io.github.tiktokevents.internal.rules;

/**
 * What the shared rules look at in one event, however the event is held (the SDK's builders, the emulator's JSON).
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 *
 * @param source the {@code event_source} ({@code web}, {@code app}, {@code offline}, {@code crm}, or a newer one)
 * @param name the event name
 * @param epochSecond the event time in Unix seconds
 * @param hasPage whether the event has a {@code page}
 * @param hasValue whether {@code properties.value} is set
 * @param currency {@code properties.currency}, or null
 */
public record EventFacts(String source, String name, long epochSecond, boolean hasPage, boolean hasValue, String currency) {
}
