package io.github.tiktokevents.internal.http;

import java.io.IOException;
import java.io.InputStream;

/**
 * This SDK's version, from a resource Maven fills in at build time, for the User-Agent.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class SdkVersion {
    static final String VERSION = load();
    public static final String USER_AGENT = "tiktok-events-java/" + VERSION + " (Java " + System.getProperty("java.version") + ")";

    private SdkVersion() {
    }

    private static String load() {
        java.util.Properties properties = new java.util.Properties();
        try (InputStream in = SdkVersion.class.getResourceAsStream("sdk-version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException unreadable) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
