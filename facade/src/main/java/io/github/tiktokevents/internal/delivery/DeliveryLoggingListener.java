package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;

/**
 * The listener used when the user sets none: failures must not vanish silently, so each one is logged at
 * WARNING with the event id and the typed error (whose message never holds the token or personal data).
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryLoggingListener implements DeliveryListener {
    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.processor");

    @Override
    public void failed(String eventId, TikTokException error) {
        LOG.log(System.Logger.Level.WARNING, "TikTok event {0} was not delivered: {1}", eventId, error.getMessage());
    }

    @Override
    public String toString() {
        return "log failures at WARNING";
    }
}
