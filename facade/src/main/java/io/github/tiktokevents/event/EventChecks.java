package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import io.github.tiktokevents.internal.rules.EventRules;
import io.github.tiktokevents.internal.rules.RuleFinding;
import java.time.Clock;
import java.util.List;

/**
 * What the spec cannot say in a schema. The rules the emulator applies too (web events need a page; event age
 * windows and future times; currencies; a near-miss event name, which only warns) come from the shared
 * {@link EventRules}, whose figures the spec states in {@code info.x-tiktok-rules}. App events need an app and CRM
 * events a lead. Sources this version does not list ({@link EventSource#of(String)}) have no requirements here;
 * TikTok judges them. The generated {@link Event.Builder#build()} runs this ({@code x-tiktok-checks}).
 */
final class EventChecks {
    private EventChecks() {
    }

    static void check(Event.Builder event) {
        Clock clock = event.defaults.clock();
        long epochSecond = event.eventTime == null ? clock.instant().getEpochSecond() : event.eventTime.epochSecond;
        Properties properties = event.properties;
        List<RuleFinding> findings = EventRules.checkStandard(clock, event.source.wireValue(), event.event,
                epochSecond, event.page != null, properties != null && !Double.isNaN(properties.value),
                properties == null ? null : properties.currency);
        for (int i = 0; i < findings.size(); i++) { // indexed: no iterator for every event built
            RuleFinding finding = findings.get(i);
            if (!finding.warning()) {
                throw new TikTokValidationException(finding.field(), finding.message());
            }
        }
        if (EventSource.APP.equals(event.source) && event.app == null) {
            throw new TikTokValidationException("app", "is required for app events (App.of(appId))");
        }
        if (EventSource.CRM.equals(event.source) && event.lead == null) {
            throw new TikTokValidationException("lead", "is required for CRM events (Lead.of(leadId))");
        }
        for (int i = 0; i < findings.size(); i++) {
            RuleFinding finding = findings.get(i);
            if (finding.warning()) {
                event.defaults.warningListener().accept(new EventWarning(event.event, finding.field(), finding.message()));
            }
        }
    }
}
