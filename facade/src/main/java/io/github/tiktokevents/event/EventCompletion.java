package io.github.tiktokevents.event;

import io.github.tiktokevents.internal.model.UrlQuery;

/**
 * What an event takes from its other fields just before it is built, as TikTok's own server-side template and
 * Segment do: without a {@code user.ttclid}, the {@code ttclid} query parameter of the page URL is the click id.
 * The generated {@link Event.Builder#build()} runs this for every event and edition.
 */
final class EventCompletion {
    private static final String CLICK_ID_PARAMETER = "ttclid";

    private EventCompletion() {
    }

    static void complete(Event.Builder event) {
        if (event.page == null || event.page.url == null || (event.user != null && event.user.ttclid != null)) {
            return;
        }
        String clickId = UrlQuery.parameter(event.page.url, CLICK_ID_PARAMETER);
        if (clickId != null) {
            event.user = (event.user == null ? User.builder() : event.user.toBuilder()).ttclid(clickId).build();
        }
    }
}
