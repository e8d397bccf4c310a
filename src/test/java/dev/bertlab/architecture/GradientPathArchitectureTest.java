package dev.bertlab.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * No Java number meets a tensor on the gradient path. DJL's scalar overloads ({@code NDArray.mul(Number)} and the
 * like, {@code NDArrays.mul(NDArray, Number)}) wrap a Java buffer that autograd keeps after DJL has let it go: a
 * garbage collection before the backward pass corrupted gradients (see {@code OwnedScalar}). Engine code uses
 * {@code OwnedScalar} instead.
 */
class GradientPathArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.bertlab.engine");

    private static final DescribedPredicate<JavaCall<?>> SCALAR_TENSOR_OPERATION =
            DescribedPredicate.describe("a DJL tensor operation with a Java number operand", call -> {
                boolean tensorOwner = call.getTargetOwner().isAssignableTo(NDArray.class)
                        || call.getTargetOwner().isEquivalentTo(NDArrays.class);
                return tensorOwner && call.getTarget().getRawParameterTypes().stream()
                        .anyMatch(type -> type.isEquivalentTo(Number.class));
            });

    @Test
    void engineCodeNeverPassesAJavaNumberToATensorOperation() {
        // the whole engine, not only the model and the loop: the bench trains too, and code moves
        ArchRule rule = noClasses().that().resideInAPackage("dev.bertlab.engine..")
                .should().callCodeUnitWhere(SCALAR_TENSOR_OPERATION)
                .because("DJL wraps the number in a Java buffer that autograd reads after it may have been freed; "
                        + "use OwnedScalar");
        rule.check(ENGINE);
    }

    @Test
    void theRuleSeesTheCallsItForbids() {
        // the rule must not pass vacuously: the same predicate finds OwnedScalar's own tensor-by-tensor calls absent
        // and a Number overload present in a class made to break it
        JavaClasses offender = new ClassFileImporter().importClasses(ScalarOffender.class);
        ArchRule rule = noClasses().should().callCodeUnitWhere(SCALAR_TENSOR_OPERATION);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rule.check(offender))
                .hasMessageContaining("mul(java.lang.Number)");
    }

    /** Breaks the rule on purpose, for {@link #theRuleSeesTheCallsItForbids()}. */
    static final class ScalarOffender {
        NDArray scaled(NDArray array) {
            return array.mul(0.125f);
        }
    }
}
