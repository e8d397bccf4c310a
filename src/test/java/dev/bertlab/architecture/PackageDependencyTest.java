package dev.bertlab.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceRule;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the top-level packages run one way: the shell on top of the features, the features on the
 * web toolkit and the engine, the engine on neither. A feature that its own dependents must serve declares what it
 * needs as an interface they implement (experiment's {@code ExperimentRuns} and {@code ExperimentPageAction}).
 */
class PackageDependencyTest {

    private static final JavaClasses PRODUCT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bertlab");

    /** No two packages directly under {@code root} depend on each other, directly or through others. */
    private static SliceRule freeOfCycles(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles();
    }

    @Test
    void topLevelPackagesHaveNoCycles() {
        freeOfCycles("dev.bertlab").check(PRODUCT);
    }

    @Test
    void theWebToolkitUsesNoFeature() {
        noClasses().that().resideInAPackage("dev.bertlab.web..")
                .should().dependOnClassesThat(resideInAPackage("dev.bertlab..")
                        .and(resideOutsideOfPackage("dev.bertlab.web..")))
                .because("every feature builds on the toolkit; the shell is where features are put together")
                .check(PRODUCT);
    }

    @Test
    void nothingDependsOnTheApplicationClass() {
        // the slices above leave out the root package: its main class sits on top of everything, the CLI included
        noClasses().that().resideOutsideOfPackage("dev.bertlab")
                .should().dependOnClassesThat().resideInAPackage("dev.bertlab")
                .because("the application class puts everything together; the CLI and the worker supervisor are "
                        + "handed it")
                .check(PRODUCT);
    }

    @Test
    void onlyTheApplicationItselfDependsOnTheShell() {
        noClasses().that().resideOutsideOfPackage("dev.bertlab.shell..")
                .should().dependOnClassesThat().resideInAPackage("dev.bertlab.shell..")
                .because("the shell sits on top of the features: a feature that used it would make a cycle")
                .check(PRODUCT);
    }

    @Test
    void theCycleRuleSeesACycle() {
        // the rule is not passing for want of seeing cycles: it finds the one made on purpose in cyclesample
        JavaClasses sample = new ClassFileImporter().importPackages("dev.bertlab.architecture.cyclesample");
        assertThatThrownBy(() -> freeOfCycles("dev.bertlab.architecture.cyclesample").check(sample))
                .hasMessageContaining("Cycle detected")
                .hasMessageContaining("Slice a")
                .hasMessageContaining("Slice b");
    }
}
