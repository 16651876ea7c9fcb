package io.github.tiktokevents.event;

import io.github.tiktokevents.exception.TikTokValidationException;
import java.util.Objects;
import java.util.Optional;

/**
 * The mobile app where an event happened; required for {@link EventSource#APP} events. Immutable.
 *
 * <pre>{@code
 * App app = App.of("com.example.shop", "Example Shop", "4.2.0");
 * }</pre>
 */
public final class App {
    // package-private: EventJson reads the fields directly, without the Optional each accessor makes
    final String appId;
    final String appName;
    final String appVersion;

    private App(String appId, String appName, String appVersion) {
        this.appId = appId;
        this.appName = appName;
        this.appVersion = appVersion;
    }

    /**
     * An app by its store id.
     *
     * @param appId the App Store numeric id or the Android package name
     * @return the app
     * @throws TikTokValidationException if the id is blank
     */
    public static App of(String appId) {
        return of(appId, null, null);
    }

    /**
     * An app with its name and version.
     *
     * @param appId the App Store numeric id or the Android package name
     * @param appName the app's name, or null
     * @param appVersion the app's version, or null
     * @return the app
     * @throws TikTokValidationException if the id is blank
     */
    public static App of(String appId, String appName, String appVersion) {
        if (appId == null || appId.isBlank()) {
            throw new TikTokValidationException("app.app_id", "is blank");
        }
        return new App(appId.trim(), appName, appVersion);
    }

    /**
     * The App Store numeric id or the Android package name.
     *
     * @return the id
     */
    public String appId() {
        return appId;
    }

    /**
     * The app's name.
     *
     * @return the name, if given
     */
    public Optional<String> appName() {
        return Optional.ofNullable(appName);
    }

    /**
     * The app's version.
     *
     * @return the version, if given
     */
    public Optional<String> appVersion() {
        return Optional.ofNullable(appVersion);
    }

    /** {@inheritDoc} */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof App)) {
            return false;
        }
        App other = (App) o;
        return appId.equals(other.appId) && Objects.equals(appName, other.appName)
                && Objects.equals(appVersion, other.appVersion);
    }

    /** {@inheritDoc} */
    @Override
    public int hashCode() {
        return Objects.hash(appId, appName, appVersion);
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "App{appId=" + appId + ", appName=" + appName + ", appVersion=" + appVersion + '}';
    }
}
