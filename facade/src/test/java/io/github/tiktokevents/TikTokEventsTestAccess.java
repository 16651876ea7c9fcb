package io.github.tiktokevents;

import okhttp3.OkHttpClient;

/** Lets tests in other packages reach what {@link TikTokEvents} keeps package-private for tests. */
public final class TikTokEventsTestAccess {
    private TikTokEventsTestAccess() {
    }

    /**
     * The HTTP client a client uses, to check that closing released its threads.
     *
     * @param client the client
     * @return its HTTP client
     */
    public static OkHttpClient httpClient(TikTokEvents client) {
        return client.httpClient();
    }
}
