package io.github.tiktokevents.codegen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates the facade's event model and request writers from the spec, into a source folder the facade's build adds
 * (never committed). Fails, naming each property, when a request property of the spec has no way into the facade.
 *
 * <pre>
 * java io.github.tiktokevents.codegen.FacadeGenerator spec/tiktok-events-api.yaml facade/target/generated-sources/facade
 * </pre>
 */
public final class FacadeGenerator {
    /** The package of the generated model, beside its hand-written rules ({@code EventChecks}, {@code EventDefaults}). */
    public static final String MODEL_PACKAGE = "io.github.tiktokevents.event";

    private FacadeGenerator() {
    }

    /**
     * Runs the generator.
     *
     * @param args the spec file and the output source folder
     */
    public static void main(String[] args) {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: FacadeGenerator <spec.yaml> <output source folder>");
        }
        Map<String, String> files = generate(Path.of(args[0]));
        write(Path.of(args[1]), files);
    }

    /**
     * The generated sources, by path relative to the source folder.
     *
     * @param spec the spec file
     * @return file contents by relative path
     * @throws SpecDriftException when a request property has no way into the facade
     */
    public static Map<String, String> generate(Path spec) {
        FacadeModel model = SpecReader.read(spec);
        if (!model.unreachable().isEmpty()) {
            throw new SpecDriftException(model.unreachable());
        }
        String folder = MODEL_PACKAGE.replace('.', '/') + "/";
        Map<String, String> files = new LinkedHashMap<>();
        for (ModelClass type : model.classes()) {
            files.put(folder + type.javaName() + ".java", ModelClassEmitter.emit(model, type, MODEL_PACKAGE));
        }
        for (OpenEnum type : model.enums()) {
            files.put(folder + type.javaName() + ".java", OpenEnumEmitter.emit(model, type, MODEL_PACKAGE));
        }
        files.put(folder + "EventWriters.java", WireWriterEmitter.emit(model, MODEL_PACKAGE));
        files.put(EnvelopeEmitter.PACKAGE.replace('.', '/') + "/Envelopes.java", EnvelopeEmitter.emit(model));
        return files;
    }

    /**
     * The request properties the facade sets outside the event model, each with the spec's reason: the drift
     * check's explicit list of exceptions.
     *
     * @param spec the spec file
     * @return reason by {@code Schema.property}
     */
    public static Map<String, String> facadeSetProperties(Path spec) {
        return SpecReader.read(spec).facadeSet();
    }

    /** Replaces the model package's files in {@code root} with {@code files}, so no stale source survives a spec edit. */
    static void write(Path root, Map<String, String> files) {
        try {
            Path folder = root.resolve(MODEL_PACKAGE.replace('.', '/'));
            Files.deleteIfExists(root.resolve(EnvelopeEmitter.PACKAGE.replace('.', '/') + "/Envelopes.java"));
            if (Files.isDirectory(folder)) {
                try (Stream<Path> old = Files.list(folder)) {
                    for (Path file : (Iterable<Path>) old::iterator) {
                        if (file.toString().endsWith(".java")) {
                            Files.delete(file);
                        }
                    }
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = root.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
