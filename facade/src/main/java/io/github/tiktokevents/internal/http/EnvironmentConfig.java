package io.github.tiktokevents.internal.http;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The one place the SDK reads the environment, through an injectable lookup (tests pass a map's {@code get}).
 * Reading never logs; what deserves a warning is collected in {@link #warnings}, for the caller to report once.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class EnvironmentConfig {
    public static final String ACCESS_TOKEN = "TIKTOK_ACCESS_TOKEN";
    /** The misspelling the original Python library used; accepted when {@link #ACCESS_TOKEN} is not set. */
    public static final String ACCESS_TOKEN_MISSPELT = "TIKTOK_ACESS_TOKEN";
    public static final String PIXEL_ID = "TIKTOK_PIXEL_ID";
    public static final String APP_ID = "TIKTOK_APP_ID";
    public static final String OFFLINE_EVENT_SET_ID = "TIKTOK_OFFLINE_EVENT_SET_ID";
    public static final String CRM_EVENT_SET_ID = "TIKTOK_CRM_EVENT_SET_ID";
    public static final String API_VERSION = "TIKTOK_API_VERSION";
    public static final String TEST_EVENT_CODE = "TIKTOK_TEST_EVENT_CODE";
    public static final String BASE_URL = "TIKTOK_BASE_URL";

    public final String accessToken;
    public final String pixelId;
    public final String appId;
    public final String offlineEventSetId;
    public final String crmEventSetId;
    public final String apiVersion;
    public final String testEventCode;
    public final String baseUrl;
    /** Lines to log once for this reading; they name variables, never a value. */
    public final List<String> warnings;

    private EnvironmentConfig(Function<String, String> lookup) {
        List<String> notes = new ArrayList<>();
        String token = value(lookup, ACCESS_TOKEN);
        String misspelt = value(lookup, ACCESS_TOKEN_MISSPELT);
        if (misspelt != null) {
            notes.add(token == null
                    ? ACCESS_TOKEN_MISSPELT + " is misspelt and read only for compatibility with the original Python"
                            + " library: rename it to " + ACCESS_TOKEN
                    : ACCESS_TOKEN_MISSPELT + " is misspelt and ignored because " + ACCESS_TOKEN + " is set: remove it");
        }
        this.accessToken = token != null ? token : misspelt;
        this.pixelId = value(lookup, PIXEL_ID);
        this.appId = value(lookup, APP_ID);
        this.offlineEventSetId = value(lookup, OFFLINE_EVENT_SET_ID);
        this.crmEventSetId = value(lookup, CRM_EVENT_SET_ID);
        this.apiVersion = value(lookup, API_VERSION);
        this.testEventCode = value(lookup, TEST_EVENT_CODE);
        this.baseUrl = value(lookup, BASE_URL);
        this.warnings = List.copyOf(notes);
    }

    public static EnvironmentConfig read(Function<String, String> lookup) {
        return new EnvironmentConfig(lookup);
    }

    private static String value(Function<String, String> lookup, String name) {
        String value = lookup.apply(name);
        return value == null || value.isBlank() ? null : value.trim();
    }
}
