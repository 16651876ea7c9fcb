package io.github.tiktokevents.internal.http;

import java.util.function.Function;

/**
 * The one place the SDK reads the environment, through an injectable lookup (tests pass a map's {@code get}).
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class EnvironmentConfig {
    public static final String ACCESS_TOKEN = "TIKTOK_ACCESS_TOKEN";
    /** The misspelling the original Python library used; accepted when {@link #ACCESS_TOKEN} is not set. */
    static final String ACCESS_TOKEN_MISSPELT = "TIKTOK_ACESS_TOKEN";
    public static final String PIXEL_ID = "TIKTOK_PIXEL_ID";
    static final String API_VERSION = "TIKTOK_API_VERSION";
    static final String TEST_EVENT_CODE = "TIKTOK_TEST_EVENT_CODE";

    public final String accessToken;
    public final String pixelId;
    public final String apiVersion;
    public final String testEventCode;

    private EnvironmentConfig(String accessToken, String pixelId, String apiVersion, String testEventCode) {
        this.accessToken = accessToken;
        this.pixelId = pixelId;
        this.apiVersion = apiVersion;
        this.testEventCode = testEventCode;
    }

    public static EnvironmentConfig read(Function<String, String> lookup) {
        String token = value(lookup, ACCESS_TOKEN);
        if (token == null) {
            token = value(lookup, ACCESS_TOKEN_MISSPELT);
        }
        return new EnvironmentConfig(token, value(lookup, PIXEL_ID), value(lookup, API_VERSION), value(lookup, TEST_EVENT_CODE));
    }

    private static String value(Function<String, String> lookup, String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
