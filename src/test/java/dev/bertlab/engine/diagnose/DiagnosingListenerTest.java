package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DiagnosingListenerTest {

    private static final Hyperparameters HP = Hyperparameters.builder().epochs(4).build();

    @Test
    void aDiagnosisIsCalledBackTheMomentItsEvidenceArrivesAndOnlyOnce() {
        List<String> seen = new ArrayList<>();
        DiagnosingListener listener = new DiagnosingListener(RunFacts.classification(HP, 2),
                diagnosis -> seen.add(diagnosis.kind() + "@" + diagnosis.step()));
        listener.onStarted(new TrainingEvents.Started(400, 100, 0, 1600));
        double[] validation = {0.50, 0.41, 0.44, 0.47, 0.52};
        for (int step = 10; step <= 500; step += 10) {
            listener.onStep(new TrainingEvents.StepLogged(step, step / 100.0, 0.7 - step / 800.0, 2e-5, 1.0, 100,
                    10000, 0.1, step));
            if (step % 100 == 0) {
                listener.onEvaluation(new TrainingEvents.Evaluated(step, step / 100.0,
                        Map.of("loss", validation[step / 100 - 1], "accuracy", 0.8), false));
                if (step == 300) {
                    assertThat(seen).as("one rise is not yet overfitting").isEmpty();
                }
                if (step == 400) {
                    assertThat(seen).as("called back at the evaluation that established it")
                            .containsExactly("OVERFITTING@400");
                }
            }
        }
        assertThat(seen).containsExactly("OVERFITTING@400");
        assertThat(listener.diagnoses()).hasSize(1);
        assertThat(listener.diagnoses().get(0).logLine()).startsWith("diagnosis at step 400: overfitting - "
                + "validation loss rose 0.41 -> 0.47 over 2 evaluations").contains("; try classifier_dropout 0.3, "
                + "weight_decay 0.02, early_stopping_patience 2");
    }

    @Test
    void aFailureReportedByTheCallerIsDiagnosed() {
        List<Diagnosis> seen = new ArrayList<>();
        DiagnosingListener listener = new DiagnosingListener(RunFacts.classification(HP, 2), seen::add);
        listener.onStep(new TrainingEvents.StepLogged(10, 0.1, 0.6, 2e-5, 1, 100, 1000, 0.1, 1));
        listener.onFailure(new ai.djl.engine.EngineException("CUDA out of memory"));
        assertThat(seen).extracting(Diagnosis::kind).containsExactly(DiagnosisKind.OUT_OF_MEMORY);
    }

    @Test
    void aFaultyRuleNeverStopsTheTrainingItWatches() {
        CurveRule broken = new CurveRule() {
            @Override
            public DiagnosisKind kind() {
                return DiagnosisKind.STAGNATION;
            }

            @Override
            public java.util.Optional<Diagnosis> check(TrainingHistory history, RunFacts facts) {
                throw new IllegalStateException("a bug in a rule");
            }
        };
        DiagnosingListener listener = new DiagnosingListener(new TrainingDiagnostician(List.of(broken)),
                RunFacts.classification(HP, 2), diagnosis -> { });
        listener.onStep(new TrainingEvents.StepLogged(10, 0.1, 0.6, 2e-5, 1, 100, 1000, 0.1, 1));
        assertThat(listener.diagnoses()).isEmpty();
        assertThat(listener.history().steps()).hasSize(1);
    }

    @Test
    void theDiagnosticianReportsEachKindOnceInStepOrder() {
        SyntheticRun run = SyntheticRun.of(400).logs(10, 60, 10, step -> 0.7 - step / 200.0)
                .log(70, 2.4, 1, 2e-5, 100, 0.1)
                .logs(80, 400, 10, step -> 0.7 - step / 800.0)
                .notice(75, "oom_retry", "out of memory with 16 examples per forward pass")
                .evaluation(100, 0.50, 0.80).evaluation(200, 0.41, 0.85).evaluation(300, 0.44, 0.85)
                .evaluation(400, 0.47, 0.84).notice(390, "diverged", "diverged");

        List<Diagnosis> diagnoses = new TrainingDiagnostician().diagnose(run.history(),
                RunFacts.classification(HP, 2));

        assertThat(diagnoses).extracting(Diagnosis::kind).containsExactly(DiagnosisKind.LEARNING_RATE_TOO_HIGH,
                DiagnosisKind.OUT_OF_MEMORY, DiagnosisKind.OVERFITTING);
        assertThat(diagnoses).extracting(Diagnosis::step).containsExactly(70, 75, 400);
    }

    @Test
    void aHealthyRunGetsNoDiagnosisAtAll() {
        List<Diagnosis> diagnoses = new TrainingDiagnostician().diagnose(SyntheticRun.healthy(600).history(),
                RunFacts.classification(Hyperparameters.defaults(), 2).withExpectedSamplesPerSecond(110));
        assertThat(diagnoses).isEmpty();
    }
}
