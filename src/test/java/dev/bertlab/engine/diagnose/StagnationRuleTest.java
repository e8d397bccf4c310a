package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.Hyperparameters;
import org.junit.jupiter.api.Test;

class StagnationRuleTest {

    private static final Hyperparameters ACCURACY = Hyperparameters.builder().metricForBestModel("accuracy")
            .scheduler(Hyperparameters.Scheduler.CONSTANT).build();

    @Test
    void aFlatValidationMetricOverFourEvaluationsIsStagnationAtTheFourth() {
        SyntheticRun run = SyntheticRun.of(800).logs(10, 800, 10, step -> 0.4)
                .evaluation(100, 0.6, 0.70).evaluation(200, 0.5, 0.80).evaluation(300, 0.5, 0.851)
                .evaluation(400, 0.5, 0.853).evaluation(500, 0.5, 0.850).evaluation(600, 0.5, 0.852)
                .evaluation(700, 0.5, 0.851);

        Diagnosis diagnosis = new StagnationRule().check(run.history(), RunFacts.classification(ACCURACY, 2))
                .orElseThrow();

        assertThat(diagnosis.step()).isEqualTo(600);
        assertThat(diagnosis.evidence().values()).containsEntry("min", 0.850).containsEntry("max", 0.853)
                .containsEntry("from_step", 300.0).containsEntry("to_step", 600.0);
        assertThat(diagnosis.title()).contains("levelled off");
        assertThat(diagnosis.remedy().changes()).containsEntry("learning_rate", 1e-5)
                .containsEntry("scheduler", "COSINE").containsEntry("early_stopping_patience", 3);
    }

    @Test
    void aMetricFlatFromTheFirstEvaluationAsksForMoreLearningRate() {
        SyntheticRun run = SyntheticRun.of(400).logs(10, 400, 10, step -> 0.69)
                .evaluation(100, 0.69, 0.5).evaluation(200, 0.69, 0.5).evaluation(300, 0.69, 0.5)
                .evaluation(400, 0.69, 0.5);

        Diagnosis diagnosis = new StagnationRule().check(run.history(), RunFacts.classification(ACCURACY, 2))
                .orElseThrow();

        assertThat(diagnosis.step()).isEqualTo(400);
        assertThat(diagnosis.title()).contains("not moved");
        assertThat((double) diagnosis.remedy().changes().get("learning_rate")).isCloseTo(6e-5,
                org.assertj.core.api.Assertions.within(1e-15));
        assertThat(diagnosis.remedy().changes()).containsEntry("scheduler", "LINEAR");
    }

    @Test
    void theSelectedMetricDecides() {
        // accuracy is flat, loss is still falling: with metric "loss" that is progress
        SyntheticRun run = SyntheticRun.of(400).logs(10, 400, 10, step -> 0.4)
                .evaluation(100, 0.60, 0.85).evaluation(200, 0.50, 0.85).evaluation(300, 0.45, 0.85)
                .evaluation(400, 0.40, 0.85);
        RunFacts byLoss = RunFacts.classification(Hyperparameters.defaults(), 2);
        assertThat(new StagnationRule().check(run.history(), byLoss)).isEmpty();
        assertThat(new StagnationRule().check(run.history(), RunFacts.classification(ACCURACY, 2))).isPresent();
    }

    @Test
    void aHealthyRunIsQuiet() {
        assertThat(new StagnationRule().check(SyntheticRun.healthy(600).history(),
                RunFacts.classification(Hyperparameters.defaults(), 2))).isEmpty();
    }
}
