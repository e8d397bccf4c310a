package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.FineTuner;
import dev.bertlab.engine.train.Hyperparameters;
import java.util.List;
import org.junit.jupiter.api.Test;

class NumericFaultRuleTest {

    private static final RunFacts FACTS = RunFacts.classification(Hyperparameters.builder().learningRate(5e-5)
            .build(), 2);

    @Test
    void aGradientThatBrokeUnderAFallingLossIsANumericFaultAndNotALearningRateProblem() {
        SyntheticRun run = SyntheticRun.of(200).logs(5, 95, 5, step -> 0.69 - step / 1000.0)
                .notice(95, FineTuner.NUMERIC_FAULT_NOTICE, "numeric fault at step 96: the gradient norm became NaN "
                        + "while the loss stayed finite at 0.4768");

        List<Diagnosis> diagnoses = new TrainingDiagnostician().diagnose(run.history(), FACTS);

        assertThat(diagnoses).extracting(Diagnosis::kind).contains(DiagnosisKind.NUMERIC_FAULT)
                .doesNotContain(DiagnosisKind.LEARNING_RATE_TOO_HIGH);
        Diagnosis fault = diagnoses.stream().filter(d -> d.kind() == DiagnosisKind.NUMERIC_FAULT).findFirst()
                .orElseThrow();
        assertThat(fault.step()).isEqualTo(95);
        assertThat(fault.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(fault.evidence().sentence()).contains("gradient norm became NaN");
        assertThat(fault.remedy().changes()).as("no settings to change: the rate is not the cause").isEmpty();
        assertThat(fault.remedy().advice()).contains("not a learning rate problem").contains("resume");
    }

    @Test
    void aDivergenceOfTheLossIsStillTheLearningRate() {
        SyntheticRun run = SyntheticRun.of(200).logs(10, 30, 10, step -> 0.6)
                .notice(33, "diverged", "diverged at step 34: loss NaN, gradient norm Infinity");

        assertThat(new TrainingDiagnostician().diagnose(run.history(), FACTS)).extracting(Diagnosis::kind)
                .contains(DiagnosisKind.LEARNING_RATE_TOO_HIGH).doesNotContain(DiagnosisKind.NUMERIC_FAULT);
    }
}
