package io.github.tiktokevents.cli;

import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;

/**
 * Why a row was not delivered, as the rejects file records it beside the original row. Never holds a value of the
 * row: the SDK's messages name fields, not values.
 *
 * @param row the row
 * @param field the offending field, or empty when TikTok refused the event as a whole
 * @param code TikTok's code, or empty when the row was refused before sending
 * @param message the reason
 * @param requestId TikTok's request id, or empty
 */
record Reject(Row row, String field, String code, String message, String requestId) {

    /** A row refused before sending. */
    static Reject invalid(Row row, RowRejectedException e) {
        return new Reject(row, e.field(), "", e.problem(), "");
    }

    /** A row TikTok (or the SDK on its behalf) refused for good. */
    static Reject refused(Row row, TikTokException e) {
        if (e instanceof TikTokApiException api) {
            return new Reject(row, "", api.code() == TikTokApiException.NO_CODE ? "" : Long.toString(api.code()),
                    api.apiMessage().isEmpty() ? api.getMessage() : api.apiMessage(),
                    api.requestId() == null ? "" : api.requestId());
        }
        return new Reject(row, "", "", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), "");
    }
}
