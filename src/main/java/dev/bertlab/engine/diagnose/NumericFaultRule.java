package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.FineTuner;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A numeric fault: the run stopped because a gradient became NaN or infinite while its loss stayed finite and did
 * not rise. A learning rate that is too high raises the loss before it breaks the gradients, so lowering the rate
 * is the wrong advice here; the settings are not the cause. The fine-tuner tells the two apart and sends a notice of
 * its own kind; this rule turns it into a diagnosis that says so and advises resuming.
 */
public final class NumericFaultRule implements CurveRule {

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.NUMERIC_FAULT;
    }

    @Override
    public Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
        return history.notices().stream().filter(n -> n.kind().equals(FineTuner.NUMERIC_FAULT_NOTICE)).findFirst()
                .map(notice -> {
                    Map<String, Double> values = new LinkedHashMap<>();
                    values.put("step", (double) notice.step());
                    return Diagnosis.atStep(kind(), Severity.PROBLEM, notice.step(),
                            "Numeric fault: a gradient broke while the loss was fine",
                            new Evidence(notice.message(), values),
                            Remedy.adviceOnly("not a learning rate problem: keep the settings and resume the run "
                                    + "from its last checkpoint; if the fault recurs at the same step, report it "
                                    + "with the run's log"));
                });
    }
}
