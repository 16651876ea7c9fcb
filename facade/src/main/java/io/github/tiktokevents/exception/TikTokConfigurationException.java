package io.github.tiktokevents.exception;

/**
 * The client is not configured well enough to send: a missing access token, pixel id or an invalid setting.
 * The message names every missing or bad setting and where to find its value; it never contains the token.
 */
public class TikTokConfigurationException extends TikTokException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which settings are missing or wrong, and how to fix them
     */
    public TikTokConfigurationException(String message) {
        super(message);
    }
}
