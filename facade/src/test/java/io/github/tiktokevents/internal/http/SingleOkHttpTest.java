package io.github.tiktokevents.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.tiktokevents.exception.TikTokConfigurationException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SingleOkHttpTest {
    @TempDir
    Path dir;

    /** The surefire run names the OkHttp it put on the class path; exactly that one, and only it, is there. */
    @Test
    void theTestClassPathHoldsExactlyTheOkHttpThisRunIsFor() {
        String expected = System.getProperty("tiktok.okhttp");
        assertThat(expected).as("surefire sets tiktok.okhttp").isNotBlank();
        assertThat(SingleOkHttp.version()).isEqualTo(expected);
        assertThat(SingleOkHttp.locations(getClass().getClassLoader())).hasSize(1);
        assertThatCode(() -> SingleOkHttp.require(getClass().getClassLoader())).doesNotThrowAnyException();
    }

    @Test
    void twoDifferentOkHttpJarsFailNamingBoth() throws IOException {
        URL four = jar("okhttp-4.12.0.jar", new byte[] {4});
        URL five = jar("okhttp-jvm-5.5.1.jar", new byte[] {5});
        try (URLClassLoader both = new URLClassLoader(new URL[] {four, five}, null)) {
            assertThatThrownBy(() -> SingleOkHttp.require(both))
                    .isInstanceOf(TikTokConfigurationException.class)
                    .hasMessageContaining("okhttp-4.12.0.jar, okhttp-jvm-5.5.1.jar")
                    .hasMessageContaining("okhttp-bom")
                    .hasMessageContaining("OkHttp 4 and 5");
        }
    }

    /** A parent and a child class loader may both list one jar: the same bytes cannot mix two versions. */
    @Test
    void theSameOkHttpTwiceIsHarmless() throws IOException {
        URL one = jar("okhttp-4.12.0.jar", new byte[] {4});
        URL copy = jar("copy/okhttp-4.12.0-copy.jar", new byte[] {4});
        try (URLClassLoader twice = new URLClassLoader(new URL[] {one, copy}, null)) {
            assertThat(SingleOkHttp.locations(twice)).hasSize(2);
            assertThatCode(() -> SingleOkHttp.require(twice)).doesNotThrowAnyException();
        }
    }

    @Test
    void namesTheInnermostJar() {
        assertThat(SingleOkHttp.container("jar:file:/srv/app.jar!/BOOT-INF/lib/okhttp-4.12.0.jar!/okhttp3/OkHttpClient.class"))
                .isEqualTo("okhttp-4.12.0.jar");
        assertThat(SingleOkHttp.container("jar:nested:/srv/app.jar/!BOOT-INF/lib/okhttp-jvm-5.5.1.jar!/okhttp3/OkHttpClient.class"))
                .isEqualTo("okhttp-jvm-5.5.1.jar");
        assertThat(SingleOkHttp.container("file:/work/okhttp/build/classes/okhttp3/OkHttpClient.class"))
                .isEqualTo("classes/");
    }

    private URL jar(String name, byte[] clientClass) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); JarOutputStream jar = new JarOutputStream(out)) {
            jar.putNextEntry(new JarEntry("okhttp3/OkHttpClient.class"));
            jar.write(clientClass);
            jar.closeEntry();
        }
        return file.toUri().toURL();
    }
}
