package io.github.tiktokevents;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Renders what a user of the SDK can see (the public and protected types and members of its API packages, generated
 * event model included) as sorted text: one line per type, then one indented line per member, with full generic
 * signatures. The same compiled classes always give the same text, so the text can be committed and compared.
 */
final class PublicApiDump {
    /** The packages the README names as the API; everything under {@code internal} may change in any release. */
    static final Set<String> API_PACKAGES = Set.of(
            "io.github.tiktokevents", "io.github.tiktokevents.event",
            "io.github.tiktokevents.exception", "io.github.tiktokevents.processor", "io.github.tiktokevents.metrics",
            "io.github.tiktokevents.outbox");

    private PublicApiDump() {
    }

    /** The API of the classes that {@code anchor} was loaded from (a classes directory or a jar). */
    static String render(Class<?> anchor) throws IOException {
        StringBuilder out = new StringBuilder();
        for (Class<?> type : apiTypes(anchor)) {
            out.append(typeLine(type)).append('\n');
            for (String member : memberLines(type)) {
                out.append("  ").append(member).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static List<Class<?>> apiTypes(Class<?> anchor) throws IOException {
        TreeMap<String, Class<?>> types = new TreeMap<>();
        for (String name : classNames(anchor)) {
            Class<?> type = load(name, anchor.getClassLoader());
            if (!type.isSynthetic() && !type.isAnonymousClass() && !type.isLocalClass() && isVisible(type)) {
                types.put(type.getName(), type);
            }
        }
        return new ArrayList<>(types.values());
    }

    /** Public, or protected in a type a user can extend, and so for each enclosing type. */
    private static boolean isVisible(Class<?> type) {
        int modifiers = type.getModifiers();
        Class<?> enclosing = type.getDeclaringClass();
        if (enclosing == null) {
            return Modifier.isPublic(modifiers);
        }
        return (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers)) && isVisible(enclosing);
    }

    private static List<String> classNames(Class<?> anchor) throws IOException {
        Path location;
        try {
            location = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate the classes of " + anchor.getName(), e);
        }
        if (Files.isDirectory(location)) {
            return classNamesUnder(location);
        }
        try (FileSystem jar = FileSystems.newFileSystem(location)) {
            return classNamesUnder(jar.getPath("/"));
        }
    }

    private static List<String> classNamesUnder(Path root) throws IOException {
        List<String> names = new ArrayList<>();
        for (String pkg : API_PACKAGES) {
            Path dir = root.resolve(pkg.replace('.', '/'));
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.list(dir)) {
                files.map(f -> f.getFileName().toString())
                        .filter(f -> f.endsWith(".class") && !f.equals("package-info.class"))
                        .map(f -> pkg + "." + f.substring(0, f.length() - ".class".length()))
                        .forEach(names::add);
            }
        }
        return names;
    }

    private static Class<?> load(String name, ClassLoader loader) {
        try {
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("listed but not loadable: " + name, e);
        }
    }

    private static String typeLine(Class<?> type) {
        // the modifiers a declaration could spell: an interface is abstract and an enum final by nature
        StringBuilder line = new StringBuilder(modifiers(type.getModifiers() & Modifier.classModifiers()
                & ~(type.isInterface() ? Modifier.ABSTRACT : 0) & ~(type.isEnum() ? Modifier.FINAL : 0)));
        line.append(kind(type)).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            line.append(" extends ").append(superclass.getTypeName());
        }
        Type[] interfaces = type.getGenericInterfaces();
        if (interfaces.length > 0 && !type.isAnnotation()) {
            line.append(type.isInterface() ? " extends " : " implements ")
                    .append(Arrays.stream(interfaces).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static String kind(Class<?> type) {
        if (type.isAnnotation()) {
            return "@interface";
        }
        if (type.isInterface()) {
            return "interface";
        }
        if (type.isEnum()) {
            return "enum";
        }
        return type.isRecord() ? "record" : "class";
    }

    /** Sorted by name first, so a changed return type or modifier stays in place in the file's diff. */
    private static List<String> memberLines(Class<?> type) {
        TreeMap<String, String> lines = new TreeMap<>();
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (isVisible(constructor)) {
                String line = executableLine(constructor, type.getSimpleName(), null);
                lines.put(" " + line, line);
            }
        }
        for (Method method : type.getDeclaredMethods()) {
            if (isVisible(method) && !method.isBridge()) {
                String line = executableLine(method, method.getName(), method.getGenericReturnType());
                lines.put(method.getName() + " " + line, line);
            }
        }
        for (Field field : type.getDeclaredFields()) {
            if (isVisible(field)) {
                String line = modifiers(field.getModifiers()) + field.getGenericType().getTypeName() + " " + field.getName();
                lines.put(field.getName() + " " + line, line);
            }
        }
        return new ArrayList<>(lines.values());
    }

    private static boolean isVisible(Member member) {
        int modifiers = member.getModifiers();
        return !member.isSynthetic() && (Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers));
    }

    private static String executableLine(Executable executable, String name, Type returnType) {
        int modifiers = executable.getModifiers() & (executable instanceof Method ? Modifier.methodModifiers()
                : Modifier.constructorModifiers());
        if (executable.getDeclaringClass().isInterface()) {
            modifiers &= ~(Modifier.ABSTRACT | Modifier.PUBLIC);
        }
        StringBuilder line = new StringBuilder(modifiers(modifiers));
        if (executable instanceof Method method && method.isDefault()) {
            line.append("default ");
        }
        String typeParameters = typeParameters(executable.getTypeParameters());
        if (!typeParameters.isEmpty()) {
            line.append(typeParameters).append(' ');
        }
        if (returnType != null) {
            line.append(returnType.getTypeName()).append(' ');
        }
        line.append(name).append('(');
        Type[] parameters = executable.getGenericParameterTypes();
        for (int i = 0; i < parameters.length; i++) {
            String parameter = parameters[i].getTypeName();
            if (executable.isVarArgs() && i == parameters.length - 1) {
                parameter = parameter.substring(0, parameter.length() - 2) + "...";
            }
            line.append(i == 0 ? "" : ", ").append(parameter);
        }
        line.append(')');
        Type[] exceptions = executable.getGenericExceptionTypes();
        if (exceptions.length > 0) {
            line.append(" throws ")
                    .append(Arrays.stream(exceptions).map(Type::getTypeName).collect(Collectors.joining(", ")));
        }
        return line.toString();
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(PublicApiDump::typeParameter).collect(Collectors.joining(", ", "<", ">"));
    }

    private static String typeParameter(TypeVariable<?> variable) {
        List<String> bounds = Arrays.stream(variable.getBounds())
                .filter(b -> b != Object.class).map(Type::getTypeName).toList();
        return bounds.isEmpty() ? variable.getName() : variable.getName() + " extends " + String.join(" & ", bounds);
    }

    private static String modifiers(int modifiers) {
        String text = Modifier.toString(modifiers);
        return text.isEmpty() ? "" : text + " ";
    }
}
