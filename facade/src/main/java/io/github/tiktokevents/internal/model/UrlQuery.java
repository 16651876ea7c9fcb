package io.github.tiktokevents.internal.model;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * Reads one parameter of a URL's query string, for values an event can take from its page URL (the TikTok click
 * id). Never throws and never echoes the URL: a URL may hold personal data, and a parameter that cannot be read
 * is treated as absent.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class UrlQuery {
    private UrlQuery() {
    }

    /**
     * The first non-blank value of a query parameter, percent-decoded.
     *
     * @param url the URL, absolute or relative
     * @param name the parameter's name (case-sensitive)
     * @return the value, or null when there is none, it is blank, it is not valid percent-encoded UTF-8 text, or it
     *         holds a control character
     */
    public static String parameter(String url, String name) {
        int fragment = url.indexOf('#');
        int end = fragment < 0 ? url.length() : fragment;
        int query = url.indexOf('?');
        if (query < 0 || query > end) {
            return null; // no query, or a '?' inside the fragment
        }
        int start = query + 1;
        while (start < end) {
            int next = url.indexOf('&', start);
            if (next < 0 || next > end) {
                next = end;
            }
            int equals = url.indexOf('=', start);
            if (equals > start && equals < next && url.regionMatches(start, name, 0, name.length())
                    && equals - start == name.length()) {
                String value = decoded(url.substring(equals + 1, next));
                if (value != null) {
                    return value;
                }
            }
            start = next + 1;
        }
        return null;
    }

    private static String decoded(String raw) {
        try {
            String value = Values.text(URLDecoder.decode(raw, StandardCharsets.UTF_8), "ttclid");
            return value == null || value.indexOf('\uFFFD') >= 0 ? null : value;
        } catch (RuntimeException unreadable) {
            return null; // a bad escape or a control character: not a click id to send
        }
    }
}
