package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.train.Hyperparameters;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OverfittingRuleTest {

    private static final Hyperparameters HP = Hyperparameters.builder().epochs(4).build();
    private static final RunFacts FACTS = RunFacts.classification(HP, 2);

    /** Training loss keeps falling; validation loss bottoms out at step 200 and rises at 300 and 400. */
    private static SyntheticRun memorising() {
        return SyntheticRun.of(400)
                .logs(10, 400, 10, step -> 0.7 - step / 800.0)
                .evaluation(100, 0.50, 0.80)
                .evaluation(200, 0.41, 0.85)
                .evaluation(300, 0.44, 0.85)
                .evaluation(400, 0.47, 0.84);
    }

    @Test
    void risingValidationLossWithFallingTrainingLossIsOverfittingAtTheSecondRise() {
        Diagnosis diagnosis = new OverfittingRule().check(memorising().history(), FACTS).orElseThrow();

        assertThat(diagnosis.kind()).isEqualTo(DiagnosisKind.OVERFITTING);
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(diagnosis.step()).isEqualTo(400);
        assertThat(diagnosis.evidence().values()).containsEntry("validation_loss_from", 0.41)
                .containsEntry("validation_loss_to", 0.47).containsEntry("from_step", 200.0)
                .containsEntry("to_step", 400.0);
        // training loss averaged over the log lines of (100, 200] and (300, 400]
        assertThat(diagnosis.evidence().values().get("training_loss_from")).isCloseTo(0.7 - 155 / 800.0,
                within(1e-9));
        assertThat(diagnosis.evidence().values().get("training_loss_to")).isCloseTo(0.7 - 355 / 800.0,
                within(1e-9));
        assertThat(diagnosis.evidence().sentence()).contains("validation loss rose 0.41 -> 0.47 over 2 evaluations");
    }

    @Test
    void theRemedyRegularisesAndStopsEarlyKeepingTheSchedule() {
        Remedy remedy = new OverfittingRule().check(memorising().history(), FACTS).orElseThrow().remedy();

        assertThat(remedy.changes()).containsEntry("classifier_dropout", 0.3).containsEntry("weight_decay", 0.02)
                .containsEntry("early_stopping_patience", 2).doesNotContainKey("epochs")
                .doesNotContainKey("load_best_model_at_end"); // already on
        Hyperparameters applied = remedy.applyTo(HP);
        assertThat(applied.classifierDropout()).isEqualTo(0.3);
        assertThat(applied.epochs()).isEqualTo(4);
        assertThat(applied.earlyStoppingPatience()).isEqualTo(2);
        assertThat(remedy.advice()).contains("augmented");
    }

    @Test
    void oneRiseIsNotEnough() {
        SyntheticRun run = SyntheticRun.of(300).logs(10, 300, 10, step -> 0.7 - step / 800.0)
                .evaluation(100, 0.50, 0.8).evaluation(200, 0.41, 0.85).evaluation(300, 0.47, 0.85);
        assertThat(new OverfittingRule().check(run.history(), FACTS)).isEmpty();
    }

    @Test
    void bothLossesRisingIsNotOverfitting() {
        SyntheticRun run = SyntheticRun.of(400).logs(10, 400, 10, step -> 0.3 + step / 800.0)
                .evaluation(100, 0.50, 0.8).evaluation(200, 0.41, 0.85).evaluation(300, 0.44, 0.85)
                .evaluation(400, 0.47, 0.84);
        assertThat(new OverfittingRule().check(run.history(), FACTS)).isEmpty();
    }

    @Test
    void aRiseWithinJitterDoesNotCount() {
        SyntheticRun run = SyntheticRun.of(400).logs(10, 400, 10, step -> 0.7 - step / 800.0)
                .evaluation(100, 0.50, 0.8).evaluation(200, 0.410, 0.85).evaluation(300, 0.412, 0.85)
                .evaluation(400, 0.414, 0.84);
        assertThat(new OverfittingRule().check(run.history(), FACTS)).isEmpty();
    }

    @Test
    void aTrainingAccuracyFarAboveValidationAccuracyIsAGap() {
        SyntheticRun run = SyntheticRun.of(300).logs(10, 300, 10, step -> 0.5)
                .evaluation(100, Map.of("loss", 0.5, "accuracy", 0.80, "train_accuracy", 0.85))
                .evaluation(200, Map.of("loss", 0.45, "accuracy", 0.82, "train_accuracy", 0.97));

        Diagnosis diagnosis = new OverfittingRule().check(run.history(), FACTS).orElseThrow();

        assertThat(diagnosis.step()).isEqualTo(200);
        assertThat(diagnosis.severity()).isEqualTo(Severity.WARNING);
        assertThat(diagnosis.evidence().values().get("accuracy_gap")).isCloseTo(0.15, within(1e-9));
    }

    @Test
    void aHealthyRunIsQuiet() {
        assertThat(new OverfittingRule().check(SyntheticRun.healthy(600).history(), FACTS)).isEmpty();
    }
}
