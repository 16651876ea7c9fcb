package io.github.tiktokevents.internal.http;

import okhttp3.HttpUrl;

/**
 * A URL as logs and {@code toString()} may show it: without the user name and password a proxy or gateway URL can
 * carry ({@code https://user:secret@gateway.example/}). Everything else is kept, so the address stays recognisable.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class UrlText {
    private UrlText() {
    }

    /**
     * The URL with any credentials replaced.
     *
     * @param url a parsed URL
     * @return its text, {@code ***@} in place of credentials
     */
    public static String withoutCredentials(HttpUrl url) {
        if (url.username().isEmpty() && url.password().isEmpty()) {
            return url.toString();
        }
        String bare = url.newBuilder().username("").password("").build().toString();
        String scheme = url.scheme() + "://";
        return scheme + "***@" + bare.substring(scheme.length());
    }

    /**
     * The URL text with any credentials replaced; text that is not an http(s) URL is not shown at all, since it
     * cannot be told apart safely.
     *
     * @param url a URL's text, or null
     * @return its text without credentials, {@code null} for null, or a placeholder for text that does not parse
     */
    public static String withoutCredentials(String url) {
        if (url == null) {
            return null;
        }
        HttpUrl parsed = HttpUrl.parse(url);
        return parsed == null ? "(not an http(s) URL)" : withoutCredentials(parsed);
    }
}
