package io.github.tiktokevents.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The connector's version, from the properties file the build fills in. */
final class Version {
    private static final String VERSION = load();

    private Version() {
    }

    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("/tiktok-events-kafka-connect.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
