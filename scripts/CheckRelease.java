import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Checks what {@code mvn -B -ntp -P release verify} left in the modules' target folders: for each published module
 * its jar, sources jar and javadoc jar, the module name in the jar's manifest, and the metadata Maven Central asks of
 * every published pom (name, description, url, license, developers, scm), the parent's inherited where the module
 * has none. Lists each file it checked. Run from the repository root:
 *
 * <pre>java scripts/CheckRelease.java</pre>
 *
 * (or {@code scripts/check-release.sh}). Exits 0 when all is there, 1 with a line per problem otherwise. Needs only
 * the JDK: a single-file program, not part of the build.
 */
public final class CheckRelease {
    /** artifactId, module directory, Java module name: the published jars. */
    private static final String[][] JAR_MODULES = {
        {"tiktok-events-client", "generated-client", "io.github.tiktokevents.client"},
        {"tiktok-events", "facade", "io.github.tiktokevents"},
        {"tiktok-events-rules", "rules", "io.github.tiktokevents.rules"},
        {"tiktok-events-emulator", "emulator", "io.github.tiktokevents.emulator"},
        {"tiktok-events-outbox-jdbc", "outbox-jdbc", "io.github.tiktokevents.outbox.jdbc"},
        {"tiktok-events-micrometer", "micrometer", "io.github.tiktokevents.micrometer"},
        {"tiktok-events-spring-boot-starter", "spring-boot-starter", "io.github.tiktokevents.spring"},
        {"tiktok-events-outbox", "outbox", "io.github.tiktokevents.outbox.local"},
    };

    private final Path root;
    private final List<String> problems = new ArrayList<>();
    private Element parentPom;

    private CheckRelease(Path root) {
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        CheckRelease check = new CheckRelease(Path.of(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize());
        check.run();
        if (!check.problems.isEmpty()) {
            System.out.println();
            check.problems.forEach(p -> System.out.println("PROBLEM: " + p));
            System.out.println(check.problems.size() + " problem(s): not ready to publish");
            System.exit(1);
        }
        System.out.println();
        System.out.println("Ready to publish: every published module has its jars and Maven Central's pom metadata");
    }

    private void run() throws Exception {
        parentPom = read(root.resolve("pom.xml"));
        String version = text(parentPom, "version");
        System.out.println("Release check of version " + version + " in " + root);

        System.out.println();
        System.out.println("poms (Maven Central metadata):");
        checkPom("tiktok-events-parent", parentPom, null);
        Path bom = root.resolve("bom/target/.flattened-pom.xml");
        if (Files.isRegularFile(bom)) {
            Element bomPom = read(bom);
            // the BOM is published flattened: it must stand alone, without the parent
            if (child(bomPom, "parent") != null) {
                problems.add("the published BOM " + bom + " still names a parent");
            }
            checkPom("tiktok-events-bom", bomPom, null);
            checkBomLists(bomPom);
        } else {
            problems.add("missing " + bom + ": run mvn -B -ntp -P release verify first");
        }
        for (String[] module : JAR_MODULES) {
            checkPom(module[0], read(root.resolve(module[1]).resolve("pom.xml")), parentPom);
        }

        System.out.println();
        System.out.println("jars:");
        for (String[] module : JAR_MODULES) {
            Path target = root.resolve(module[1]).resolve("target");
            String base = module[0] + "-" + version;
            checkJar(target.resolve(base + ".jar"), ".class", module[2]);
            checkJar(target.resolve(base + "-sources.jar"), ".java", null);
            checkJar(target.resolve(base + "-javadoc.jar"), "index.html", null);
        }
    }

    private void checkPom(String artifactId, Element pom, Element parent) {
        List<String> missing = new ArrayList<>();
        for (String path : List.of("name", "description", "url", "licenses/license/name", "licenses/license/url",
                "developers/developer/name", "scm/connection", "scm/developerConnection", "scm/url")) {
            String value = inherited(pom, parent, path);
            if (value == null || value.isBlank()) {
                missing.add(path);
            }
        }
        String artifact = text(pom, "artifactId");
        if (!artifactId.equals(artifact)) {
            problems.add("expected the pom of " + artifactId + ", found " + artifact);
        }
        if (missing.isEmpty()) {
            System.out.printf("  ok       %-24s %s | %s | %s%n", artifactId, inherited(pom, parent, "url"),
                    inherited(pom, parent, "licenses/license/name"), inherited(pom, parent, "scm/connection"));
        } else {
            System.out.printf("  MISSING  %-24s %s%n", artifactId, missing);
            problems.add("the pom of " + artifactId + " lacks " + missing);
        }
    }

    private void checkBomLists(Element bom) {
        List<String> listed = new ArrayList<>();
        Element management = child(bom, "dependencyManagement");
        Element dependencies = management == null ? null : child(management, "dependencies");
        if (dependencies != null) {
            for (Node n = dependencies.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element dependency) {
                    listed.add(text(dependency, "artifactId"));
                }
            }
        }
        for (String[] module : JAR_MODULES) {
            if (!listed.contains(module[0])) {
                problems.add("the BOM does not pin " + module[0]);
            }
        }
        System.out.println("           tiktok-events-bom pins " + listed);
    }

    private void checkJar(Path jar, String mustContain, String moduleName) throws IOException {
        if (!Files.isRegularFile(jar)) {
            System.out.printf("  MISSING  %s%n", root.relativize(jar));
            problems.add("missing " + root.relativize(jar));
            return;
        }
        try (JarFile file = new JarFile(jar.toFile())) {
            long matching = file.stream().filter(e -> e.getName().endsWith(mustContain)).count();
            String detail = matching + " " + mustContain;
            if (matching == 0) {
                problems.add(root.relativize(jar) + " has no " + mustContain);
            }
            if (moduleName != null) {
                String named = file.getManifest() == null ? null
                        : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
                detail += ", Automatic-Module-Name " + named;
                if (!moduleName.equals(named)) {
                    problems.add(root.relativize(jar) + " names module " + named + ", expected " + moduleName);
                }
            }
            System.out.printf("  ok       %-70s %,10d bytes  %s%n", root.relativize(jar), Files.size(jar), detail);
        }
    }

    /** The value at a slash-separated element path, from the module's pom or else from its parent's. */
    private static String inherited(Element pom, Element parent, String path) {
        String own = at(pom, path);
        return own != null || parent == null ? own : at(parent, path);
    }

    private static String at(Element element, String path) {
        Element current = element;
        for (String name : path.split("/")) {
            current = current == null ? null : child(current, name);
        }
        return current == null ? null : current.getTextContent().strip();
    }

    private static String text(Element element, String name) {
        Element child = child(element, name);
        return child == null ? null : child.getTextContent().strip();
    }

    private static Element child(Element element, String name) {
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static Element read(Path pom) throws Exception {
        Document document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
        return document.getDocumentElement();
    }
}
