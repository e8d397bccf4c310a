package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.train.Hyperparameters;
import org.junit.jupiter.api.Test;

class UnderfittingRuleTest {

    @Test
    void aLossNearLnOfTheClassCountAfterThreeQuartersOfTheRunIsUnderfitting() {
        // 3 classes: chance is ln 3 = 1.0986; the loss hovers at 1.05
        SyntheticRun run = SyntheticRun.of(400).logs(10, 400, 10, step -> step % 20 == 0 ? 1.04 : 1.06);
        // before three quarters of a short run the loss may still be on its way down (a run cut to 3 epochs by an
        // overfitting fix was flagged at half way and sent back to 6)
        Hyperparameters hp = Hyperparameters.builder().learningRate(1e-6).scheduler(Hyperparameters.Scheduler.CONSTANT)
                .warmupRatio(0).build();

        Diagnosis diagnosis = new UnderfittingRule().check(run.history(), RunFacts.classification(hp, 3))
                .orElseThrow();

        assertThat(diagnosis.step()).isEqualTo(300);
        assertThat(diagnosis.evidence().values().get("chance_loss")).isCloseTo(Math.log(3), within(1e-12));
        assertThat(diagnosis.evidence().values().get("training_loss")).isCloseTo((1.04 + 1.06 + 1.04) / 3,
                within(1e-9));
        assertThat(diagnosis.evidence().values()).containsEntry("share_of_training", 0.75);
        assertThat((double) diagnosis.remedy().changes().get("learning_rate")).isCloseTo(3e-6, within(1e-15));
        assertThat(diagnosis.remedy().changes())
                .containsEntry("scheduler", "LINEAR").containsEntry("warmup_ratio", 0.1).containsEntry("epochs", 6);
    }

    @Test
    void aRateAboveBertsUsualRangeStuckAtChanceIsLeftToTheLearningRateRule() {
        SyntheticRun run = SyntheticRun.of(100).logs(10, 100, 10, step -> 0.69, step -> 1.0, step -> 1e-3);
        RunFacts facts = RunFacts.classification(Hyperparameters.builder().learningRate(1e-3).build(), 2);
        assertThat(new UnderfittingRule().check(run.history(), facts)).isEmpty();
        assertThat(new LearningRateTooHighRule().check(run.history(), facts)).isPresent();
    }

    @Test
    void aHighLossEarlyInTheRunIsNormal() {
        SyntheticRun run = SyntheticRun.of(1000).logs(10, 400, 10, step -> 0.69);
        assertThat(new UnderfittingRule().check(run.history(),
                RunFacts.classification(Hyperparameters.defaults(), 2))).isEmpty();
    }

    @Test
    void regressionHasNoChanceLevelToCompareWith() {
        SyntheticRun run = SyntheticRun.of(100).logs(10, 100, 10, step -> 5.0);
        assertThat(new UnderfittingRule().check(run.history(),
                new RunFacts(Hyperparameters.builder().metricForBestModel("mse").build(), 0, null))).isEmpty();
    }

    @Test
    void aHealthyRunIsQuiet() {
        assertThat(new UnderfittingRule().check(SyntheticRun.healthy(600).history(),
                RunFacts.classification(Hyperparameters.defaults(), 2))).isEmpty();
    }
}
