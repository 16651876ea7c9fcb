package io.github.tiktokevents.internal.delivery;

import io.github.tiktokevents.exception.TikTokApiException;
import io.github.tiktokevents.exception.TikTokException;
import io.github.tiktokevents.processor.DeliveryListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The listener used when the user sets none: failures must not vanish silently, yet 2,000 events failing for one
 * wrong token must not make 2,000 log lines. Failures are counted per kind (exception type and TikTok code or
 * HTTP status): the first {@value #ONE_BY_ONE} of a kind are logged at WARNING one by one, then one summary line
 * each time the kind's count doubles (8, 16, 32, ...), with the count and the first event ids. So {@code n}
 * failures of one kind make about {@code 3 + log2(n / 4)} lines. Messages never hold the token or personal data.
 * One instance per processor (counts are not shared between processors).
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class DeliveryLoggingListener implements DeliveryListener {
    /** Failures of one kind logged one by one before summaries take over. */
    static final int ONE_BY_ONE = 3;
    /** Event ids kept per kind for the summary. */
    static final int EXAMPLES = 3;
    /** Kinds counted separately; later kinds share one count, so memory stays bounded. */
    static final int MAX_KINDS = 32;

    private static final System.Logger LOG = System.getLogger("io.github.tiktokevents.processor");
    private static final String OTHER = "other errors";

    private final Map<String, Kind> kinds = new LinkedHashMap<>();

    /** Failures of one kind so far. */
    private static final class Kind {
        long count;
        final List<String> examples = new ArrayList<>(EXAMPLES);
    }

    @Override
    public synchronized void failed(String eventId, TikTokException error) {
        String key = kindOf(error);
        Kind kind = kinds.get(key);
        if (kind == null) {
            key = kinds.size() < MAX_KINDS ? key : OTHER;
            kind = kinds.computeIfAbsent(key, k -> new Kind());
        }
        kind.count++;
        if (kind.examples.size() < EXAMPLES) {
            kind.examples.add(eventId);
        }
        if (kind.count <= ONE_BY_ONE) {
            LOG.log(System.Logger.Level.WARNING, "TikTok event {0} was not delivered: {1}", eventId, error.getMessage());
        } else if (Long.bitCount(kind.count) == 1 && kind.count > ONE_BY_ONE + 1) {
            LOG.log(System.Logger.Level.WARNING, "{0} TikTok events not delivered so far with {1} (first: {2}); "
                    + "latest: {3}. Next summary of this kind when the count doubles",
                    kind.count, key, String.join(", ", kind.examples), error.getMessage());
        }
    }

    /** @return failures counted so far per kind, in the order kinds first appeared */
    synchronized Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        kinds.forEach((key, kind) -> counts.put(key, kind.count));
        return counts;
    }

    private static String kindOf(TikTokException error) {
        String type = error.getClass().getSimpleName();
        if (error instanceof TikTokApiException) {
            TikTokApiException api = (TikTokApiException) error;
            return api.code() != TikTokApiException.NO_CODE ? type + " code " + api.code()
                    : type + " HTTP " + api.httpStatus();
        }
        return type;
    }

    @Override
    public String toString() {
        return "log failures at WARNING, summarised per kind";
    }
}
