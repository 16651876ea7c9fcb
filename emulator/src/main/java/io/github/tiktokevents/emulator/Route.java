package io.github.tiktokevents.emulator;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a request path leads: one of TikTok's {@link Endpoint}s (with the API version), or nowhere.
 *
 * @param endpoint the endpoint, or null when the path is not one of TikTok's
 */
record Route(Endpoint endpoint) {
    /** The spec's ApiVersion pattern, then the endpoint; the trailing slash is optional. */
    private static final Pattern PATH = Pattern.compile("^/open_api/(v[0-9]+\\.[0-9]+)/([a-z]+/[a-z]+)/?$");

    static Route of(String path) {
        Matcher matcher = PATH.matcher(path);
        if (matcher.matches()) {
            for (Endpoint endpoint : Endpoint.values()) {
                if (endpoint.suffix().equals(matcher.group(2))) {
                    return new Route(endpoint);
                }
            }
        }
        return new Route(null);
    }

    Optional<Endpoint> known() {
        return Optional.ofNullable(endpoint);
    }
}
