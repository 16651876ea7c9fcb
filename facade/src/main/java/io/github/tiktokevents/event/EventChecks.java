package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;

/**
 * What each source requires of an event, which the spec cannot say: web events need a page, app events an app, CRM
 * events a lead. Sources this version does not list ({@link EventSource#of(String)}) have no requirements here;
 * TikTok judges them. The generated {@link Event.Builder#build()} runs this ({@code x-tiktok-checks}).
 */
final class EventChecks {
    private EventChecks() {
    }

    static void check(Event.Builder event) {
        if (EventSource.WEB.equals(event.source) && event.page == null) {
            throw new TikTokValidationException("page", "is required for web events (Page.of(url))");
        }
        if (EventSource.APP.equals(event.source) && event.app == null) {
            throw new TikTokValidationException("app", "is required for app events (App.of(appId))");
        }
        if (EventSource.CRM.equals(event.source) && event.lead == null) {
            throw new TikTokValidationException("lead", "is required for CRM events (Lead.of(leadId))");
        }
    }
}
