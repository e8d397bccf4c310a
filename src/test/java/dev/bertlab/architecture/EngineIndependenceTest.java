package dev.bertlab.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * The engine is a library: worker processes, the command line and scripts use it without Spring, Vaadin, JPA or
 * Quartz, and it never reaches into the application's features.
 */
class EngineIndependenceTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bertlab");

    @Test
    void theEngineUsesNoApplicationFramework() {
        frameworkFree("dev.bertlab.engine..").check(PRODUCT);
    }

    @Test
    void theEngineUsesNoFeatureOfTheApplication() {
        noClasses().that().resideInAPackage("dev.bertlab.engine..")
                .should().dependOnClassesThat(resideInAPackage("dev.bertlab..")
                        .and(resideOutsideOfPackage("dev.bertlab.engine..")))
                .because("features use the engine, not the other way round")
                .check(PRODUCT);
    }

    @Test
    void theRuleSeesAClassThatUsesSpring() {
        JavaClasses offender = new ClassFileImporter().importClasses(SpringInTheEngine.class);
        assertThatThrownBy(() -> frameworkFree("dev.bertlab.architecture..").check(offender))
                .hasMessageContaining("org.springframework.core.env.StandardEnvironment");
    }

    private static ArchRule frameworkFree(String packages) {
        return noClasses().that().resideInAPackage(packages)
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "com.vaadin..",
                        "jakarta.persistence..", "org.quartz..")
                .because("the engine runs in worker processes and from the command line, without the application");
    }

    /** Breaks the rule on purpose, for {@link #theRuleSeesAClassThatUsesSpring()}. */
    static final class SpringInTheEngine {
        Object environment() {
            return new org.springframework.core.env.StandardEnvironment();
        }
    }
}
