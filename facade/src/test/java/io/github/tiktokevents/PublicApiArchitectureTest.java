package io.github.tiktokevents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The SDK's API is six packages: {@code io.github.tiktokevents}, {@code ..event}, {@code ..exception},
 * {@code ..processor}, {@code ..metrics} and {@code ..outbox} (the durable processor's store: its SPI and the stored
 * event's two forms). What a user can see of them (public and protected members of their public types) names no
 * type of {@code io.github.tiktokevents.internal..}, whose public classes are public only so that the API packages
 * can reach them, and no generated type ({@code io.github.tiktokevents.client..}) except through the one documented
 * door, {@link TikTokEvents#eventApi()}. The API stays small enough to learn.
 */
class PublicApiArchitectureTest {
    private static final String BASE = "io.github.tiktokevents";
    private static final Set<String> API_PACKAGES = Set.of(BASE, BASE + ".event", BASE + ".exception", BASE + ".processor",
            BASE + ".metrics", BASE + ".outbox");
    private static final String INTERNAL = BASE + ".internal";
    private static final String GENERATED = BASE + ".client";
    private static final int MAX_HAND_WRITTEN_API_TYPES = 33;
    /** Where the facade's build writes the event model generated from the spec. */
    private static final java.nio.file.Path GENERATED_SOURCES = java.nio.file.Path.of("target", "generated-sources", "facade");

    private static final JavaClasses FACADE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE)
            .that(DescribedPredicate.describe("facade classes", (JavaClass c) -> !within(c, GENERATED)));

    private static final DescribedPredicate<JavaClass> USER_VISIBLE_API_TYPES = DescribedPredicate.describe(
            "are user-visible types of the API packages", PublicApiArchitectureTest::isUserVisibleApiType);

    @Test
    void apiSignaturesNameNoInternalType() {
        classes().that(USER_VISIBLE_API_TYPES)
                .should(exposeNoTypeFrom(INTERNAL, member -> false))
                .check(FACADE);
    }

    @Test
    void apiSignaturesNameNoGeneratedTypeExceptEventApi() {
        classes().that(USER_VISIBLE_API_TYPES)
                .should(exposeNoTypeFrom(GENERATED, member ->
                        member.getOwner().isEquivalentTo(TikTokEvents.class) && member.getName().equals("eventApi")))
                .check(FACADE);
    }

    /**
     * The hand-written API stays small. The types generated from the spec (the event model and its open value types)
     * are counted apart: a spec edit that adds an object or an enumeration adds a type, and must not need a test edit.
     */
    @Test
    void theHandWrittenApiHasAtMost33PublicTopLevelTypes() throws java.io.IOException {
        Set<String> generated;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.walk(GENERATED_SOURCES)) {
            generated = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> GENERATED_SOURCES.relativize(f).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.java$", ""))
                    .collect(Collectors.toSet());
        }
        Set<String> apiTypes = FACADE.stream()
                .filter(c -> c.isTopLevelClass() && c.getModifiers().contains(JavaModifier.PUBLIC)
                        && API_PACKAGES.contains(c.getPackageName()))
                .map(JavaClass::getName)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> handWritten = new TreeSet<>(apiTypes);
        handWritten.removeAll(generated);
        System.out.println("Public API types: " + handWritten.size() + " hand-written (at most " + MAX_HAND_WRITTEN_API_TYPES
                + ") " + handWritten + " and " + (apiTypes.size() - handWritten.size()) + " generated from the spec");

        assertThat(generated).contains(BASE + ".event.Event", BASE + ".event.User");
        assertThat(handWritten).hasSizeBetween(1, MAX_HAND_WRITTEN_API_TYPES);
    }

    @Test
    void implementationClassesLeftInTheApiPackagesArePackagePrivate() {
        classes().that().haveSimpleNameEndingWith("Mapper").or().haveSimpleNameEndingWith("Sender")
                .or().haveSimpleNameEndingWith("Normalizer").or().haveSimpleNameEndingWith("Coercer")
                .or().haveSimpleNameEndingWith("Config").or().haveSimpleNameEndingWith("Factory")
                .or().haveSimpleNameEndingWith("Json")
                .and().resideInAnyPackage(API_PACKAGES.toArray(new String[0]))
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .allowEmptyShould(true)
                .check(FACADE);
    }

    /** Public, in an API package, and reachable: every enclosing class is public too. */
    private static boolean isUserVisibleApiType(JavaClass type) {
        if (!API_PACKAGES.contains(type.getPackageName())) {
            return false;
        }
        for (JavaClass c = type; c != null; c = c.getEnclosingClass().orElse(null)) {
            if (!c.getModifiers().contains(JavaModifier.PUBLIC)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Flags every type from {@code forbiddenPackage} in what users see of a class: its supertypes and type parameters,
     * and the type, parameters, return type, type parameters and exceptions of its public and protected members,
     * generic arguments included.
     */
    private static ArchCondition<JavaClass> exposeNoTypeFrom(String forbiddenPackage, Predicate<JavaMember> allowed) {
        return new ArchCondition<>("expose no type from " + forbiddenPackage + "..") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                List<JavaType> supertypes = new ArrayList<>(type.getInterfaces());
                type.getSuperclass().ifPresent(supertypes::add);
                supertypes.addAll(type.getTypeParameters());
                flag(type.getFullName(), supertypes, type, events);
                for (JavaField field : type.getFields()) {
                    if (userVisible(field) && !allowed.test(field)) {
                        flag(field.getFullName(), List.of(field.getType()), type, events);
                    }
                }
                for (JavaCodeUnit unit : type.getCodeUnits()) {
                    if (userVisible(unit) && !allowed.test(unit)) {
                        List<JavaType> signature = new ArrayList<>(unit.getParameterTypes());
                        signature.add(unit.getReturnType());
                        signature.addAll(unit.getTypeParameters());
                        signature.addAll(unit.getExceptionTypes());
                        flag(unit.getFullName(), signature, type, events);
                    }
                }
            }

            private void flag(String where, List<? extends JavaType> types, JavaClass owner, ConditionEvents events) {
                for (JavaType t : types) {
                    for (JavaClass raw : t.getAllInvolvedRawTypes()) {
                        if (within(raw, forbiddenPackage)) {
                            events.add(SimpleConditionEvent.violated(owner, where + " exposes " + raw.getName()));
                        }
                    }
                }
            }
        };
    }

    private static boolean userVisible(JavaMember member) {
        Set<JavaModifier> modifiers = member.getModifiers();
        return (modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED))
                && !modifiers.contains(JavaModifier.SYNTHETIC);
    }

    private static boolean within(JavaClass type, String packageName) {
        return type.getPackageName().equals(packageName) || type.getPackageName().startsWith(packageName + ".");
    }
}
