package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * The web page where an event happened; required for {@link EventSource#WEB} events. Immutable.
 *
 * <pre>{@code
 * Page page = Page.of("https://www.example.com/product/1?ttclid=E.C.P.abc", "https://www.google.com");
 * }</pre>
 */
public final class Page {
    // package-private: EventJson reads the fields directly, without the Optional each accessor makes
    final String url;
    final String referrer;

    private Page(String url, String referrer) {
        this.url = url;
        this.referrer = referrer;
    }

    /**
     * A page without a referrer.
     *
     * @param url the full URL, with its query string
     * @return the page
     * @throws TikTokValidationException if the URL is blank
     */
    public static Page of(String url) {
        return of(url, null);
    }

    /**
     * A page and the page that linked to it.
     *
     * @param url the full URL, with its query string
     * @param referrer the referring URL, or null
     * @return the page
     * @throws TikTokValidationException if the URL is blank
     */
    public static Page of(String url, String referrer) {
        if (url == null || url.isBlank()) {
            throw new TikTokValidationException("page.url", "is blank");
        }
        return new Page(url.trim(), referrer == null || referrer.isBlank() ? null : referrer.trim());
    }

    /**
     * The page URL.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * The referring URL.
     *
     * @return the referrer, if any
     */
    public Optional<String> referrer() {
        return Optional.ofNullable(referrer);
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object o) {
        return o instanceof Page && url.equals(((Page) o).url) && Objects.equals(referrer, ((Page) o).referrer);
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Objects.hash(url, referrer);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        // URLs often carry personal data in their query (?email=..., reset tokens): show where, not what
        return "Page{url=" + origin(url) + ", referrer=" + (referrer == null ? null : origin(referrer)) + '}';
    }

    /** The scheme and host of a URL, with the rest elided; {@code <set>} when it has no recognisable origin. */
    private static String origin(String address) {
        int scheme = address.indexOf("://");
        if (scheme <= 0) {
            return "<set>";
        }
        int end = scheme + 3;
        while (end < address.length() && "/?#".indexOf(address.charAt(end)) < 0) {
            end++;
        }
        return address.substring(0, end) + (end < address.length() ? "/..." : "");
    }
}
