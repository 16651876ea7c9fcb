package io.github.tiktokevents;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The facade's public API exposes no generated type ({@code io.github.tiktokevents.client..}) in a signature,
 * field or supertype, except through the one documented door, {@link TikTokEvents#eventApi()}.
 */
class PublicApiArchitectureTest {
    private static final String GENERATED = "io.github.tiktokevents.client";
    private static final JavaClasses FACADE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.github.tiktokevents")
            .that(com.tngtech.archunit.base.DescribedPredicate.describe("facade classes",
                    (JavaClass c) -> !c.getPackageName().startsWith(GENERATED)));

    @Test
    void publicMethodsAndConstructorsTakeAndReturnNoGeneratedType() {
        codeUnits().that().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage("io.github.tiktokevents")
                .and().arePublic()
                .should(new ArchCondition<JavaCodeUnit>("not expose generated types") {
                    @Override
                    public void check(JavaCodeUnit unit, ConditionEvents events) {
                        if (unit.getOwner().isEquivalentTo(TikTokEvents.class) && unit.getName().equals("eventApi")) {
                            return;
                        }
                        Set<JavaClass> exposed = new HashSet<>(unit.getRawParameterTypes());
                        exposed.add(unit.getRawReturnType());
                        exposed.addAll(unit.getExceptionTypes());
                        for (JavaClass type : exposed) {
                            if (type.getPackageName().startsWith(GENERATED)) {
                                events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + type.getName()));
                            }
                        }
                    }
                })
                .check(FACADE);
    }

    @Test
    void publicFieldsAndSupertypesAreNotGenerated() {
        fields().that().areDeclaredInClassesThat().arePublic().and().arePublic()
                .should(new ArchCondition<JavaField>("not be of a generated type") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        if (field.getRawType().getPackageName().startsWith(GENERATED)) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName()));
                        }
                    }
                })
                .allowEmptyShould(true)
                .check(FACADE);
        classes().that().arePublic()
                .should(new ArchCondition<JavaClass>("not extend or implement a generated type") {
                    @Override
                    public void check(JavaClass type, ConditionEvents events) {
                        type.getAllRawSuperclasses().forEach(s -> flag(type, s, events));
                        type.getAllRawInterfaces().forEach(s -> flag(type, s, events));
                    }

                    private void flag(JavaClass type, JavaClass supertype, ConditionEvents events) {
                        if (supertype.getPackageName().startsWith(GENERATED)) {
                            events.add(SimpleConditionEvent.violated(type, type.getName() + " extends " + supertype.getName()));
                        }
                    }
                })
                .check(FACADE);
    }

    @Test
    void implementationClassesArePackagePrivate() {
        classes().that().haveSimpleNameEndingWith("Mapper").or().haveSimpleNameEndingWith("Sender")
                .or().haveSimpleNameEndingWith("Normalizer").or().haveSimpleNameEndingWith("Coercer")
                .or().haveSimpleNameEndingWith("Config").or().haveSimpleNameEndingWith("Factory")
                .and().resideInAPackage("io.github.tiktokevents")
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(FACADE);
    }
}
