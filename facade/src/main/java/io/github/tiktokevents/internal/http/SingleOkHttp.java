package io.github.tiktokevents.internal.http;

import io.github.tiktokevents.exception.TikTokConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which OkHttp the SDK runs on, and a check that the class path holds only one. OkHttp 4's classes are in the Maven
 * artifact {@code okhttp}, OkHttp 5's in {@code okhttp-jvm}; a build that brings both keeps both jars, and a class of
 * one then calls a method the other's version of a class lacks: every request failed with {@code NoSuchMethodError}
 * inside OkHttp. Failing when the client is built, naming the two jars and the fix, replaces five retries and a
 * transport error per event.
 *
 * <p>Internal: not part of the SDK's API; it may change or disappear in any release.
 */
public final class SingleOkHttp {
    private static final String CLIENT_CLASS = "okhttp3/OkHttpClient.class";

    private SingleOkHttp() {
    }

    /**
     * The running OkHttp's version ({@code okhttp3.OkHttp.VERSION}), read at run time: the constant would be inlined
     * into this class by the compiler.
     *
     * @return the version, or {@code "unknown"} for an OkHttp without that constant (3.x)
     */
    public static String version() {
        try {
            return String.valueOf(Class.forName("okhttp3.OkHttp").getField("VERSION").get(null));
        } catch (ReflectiveOperationException | LinkageError e) {
            return "unknown";
        }
    }

    /**
     * Every jar (or directory) on the class path that holds {@code okhttp3.OkHttpClient}, whichever artifact it
     * came from, mapped to that class's bytes.
     *
     * @param loader the class loader to ask (the one that loaded OkHttp)
     * @return the locations in class path order; those that cannot be listed or read are left out
     */
    public static Map<String, byte[]> locations(ClassLoader loader) {
        return read(listed(loader));
    }

    /** Where the class is, unread; empty when the class loader cannot list resources (the check is then skipped). */
    private static List<URL> listed(ClassLoader loader) {
        try {
            return Collections.list(loader.getResources(CLIENT_CLASS));
        } catch (IOException unlisted) {
            return List.of();
        }
    }

    private static Map<String, byte[]> read(List<URL> urls) {
        Map<String, byte[]> found = new LinkedHashMap<>();
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                found.putIfAbsent(container(url.toString()), in.readAllBytes());
            } catch (IOException unreadable) {
                // one that cannot be read is left out rather than failing the client's start on a guess
            }
        }
        return found;
    }

    /**
     * Fails if the class path holds two different OkHttp jars; one jar listed twice (the same bytes) is harmless.
     *
     * @param loader the class loader to ask (the one that loaded OkHttp)
     * @throws TikTokConfigurationException naming the jars and how to keep one
     */
    public static void require(ClassLoader loader) {
        List<URL> urls = listed(loader);
        if (urls.size() < 2) {
            return; // the usual case: one OkHttp, nothing to read or compare
        }
        Map<String, byte[]> found = read(urls);
        List<String> jars = new ArrayList<>(found.keySet());
        byte[] first = found.isEmpty() ? null : found.values().iterator().next();
        for (byte[] other : found.values()) {
            if (!Arrays.equals(first, other)) {
                throw new TikTokConfigurationException("Two different OkHttp versions are on the class path: "
                        + String.join(", ", jars) + ". OkHttp 4 is the artifact com.squareup.okhttp3:okhttp,"
                        + " OkHttp 5 is com.squareup.okhttp3:okhttp-jvm, so a build keeps both and OkHttp fails at"
                        + " run time. Keep one: for OkHttp 5, manage okhttp to the okhttp-jvm version (import"
                        + " com.squareup.okhttp3:okhttp-bom); for OkHttp 4, remove okhttp-jvm. See the SDK's README,"
                        + " \"OkHttp 4 and 5\".");
            }
        }
    }

    /** The jar's file name (or the directory) that a resource URL points into: what a user recognises. */
    static String container(String url) {
        int bang = url.lastIndexOf("!/"); // the innermost jar: Spring Boot nests a jar in the application's
        String path = bang >= 0 ? url.substring(0, bang) : url.substring(0, url.length() - CLIENT_CLASS.length());
        int slash = path.lastIndexOf('/', path.endsWith("/") ? path.length() - 2 : path.length() - 1);
        return path.substring(slash + 1);
    }
}
