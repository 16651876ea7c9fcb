package io.github.tiktokevents.emulator;

import io.github.tiktokevents.codegen.FacadeGenerator;
import java.io.File;
import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * What a maintainer's rebuild does after a spec edit, inside a test: generate the facade's model from a spec copy,
 * compile it with the facade's hand-written sources (and any extra sources, such as a program that uses the new
 * fields), and load the result in a class loader of its own, beside the real SDK on the test's class path.
 */
final class SpecCopyBuild {
    /** The facade's hand-written sources, beside this module in the checkout. */
    private static final Path FACADE_SOURCES = Path.of("..", "facade", "src", "main", "java");

    private SpecCopyBuild() {
    }

    /** The result of compiling: the class loader when it compiled, else the compiler's messages. */
    record Result(ClassLoader loader, String diagnostics) {
        boolean compiled() {
            return loader != null;
        }
    }

    static Result build(Path spec, Path work, Map<String, String> extraSources) throws IOException {
        Path sources = work.resolve("src");
        Path classes = work.resolve("classes");
        Files.createDirectories(classes);
        Map<String, String> generated = FacadeGenerator.generate(spec);
        for (Map.Entry<String, String> file : generated.entrySet()) {
            write(sources.resolve(file.getKey()), file.getValue());
        }
        for (Map.Entry<String, String> file : extraSources.entrySet()) {
            write(sources.resolve(file.getKey()), file.getValue());
        }
        List<String> files = new ArrayList<>();
        for (Path root : List.of(FACADE_SOURCES, sources)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.filter(p -> p.toString().endsWith(".java")).forEach(p -> files.add(p.toString()));
            }
        }
        List<String> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (!isFacade(entry)) {
                classPath.add(entry);
            }
        }
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-proc:none", "-nowarn", "-encoding", "UTF-8",
                "--release", "17", "-classpath", String.join(File.pathSeparator, classPath)));
        arguments.addAll(files);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, OutputStream.nullOutputStream(), messages, arguments.toArray(String[]::new));
        if (status != 0) {
            return new Result(null, messages.toString(StandardCharsets.UTF_8));
        }
        List<URL> urls = new ArrayList<>();
        urls.add(url(classes));
        // the rest of the class path, after the compiled classes so these win: the generated client, OkHttp, Gson,
        // and the facade's resources (its version file)
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(url(Path.of(entry)));
        }
        return new Result(new URLClassLoader("spec-copy", urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()), "");
    }

    private static boolean isFacade(String entry) {
        String normal = entry.replace('\\', '/');
        return normal.contains("/facade/target/") || normal.matches(".*/tiktok-events-[0-9][^/]*\\.jar");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
