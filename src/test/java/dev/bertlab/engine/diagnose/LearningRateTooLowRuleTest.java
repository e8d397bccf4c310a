package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.train.Hyperparameters;
import org.junit.jupiter.api.Test;

class LearningRateTooLowRuleTest {

    private static final Hyperparameters TIMID = Hyperparameters.builder().learningRate(1e-7).build();

    /** Warm-up to step 50 (rate rising to 1e-7), then a loss that drifts from 0.693 by 0.0005 a line. */
    private static SyntheticRun flat() {
        return SyntheticRun.of(500).logs(10, 200, 10, step -> 0.693 - step / 10.0 * 0.0005, step -> 1.0,
                step -> 1e-7 * Math.min(1.0, step / 50.0));
    }

    @Test
    void aLossThatBarelyMovesAfterWarmupIsTooLowARate() {
        Diagnosis diagnosis = new LearningRateTooLowRule().check(flat().history(), RunFacts.classification(TIMID, 2))
                .orElseThrow();

        // the first line at half the peak rate or more is step 30; six lines end at step 80
        assertThat(diagnosis.step()).isEqualTo(80);
        assertThat(diagnosis.evidence().values()).containsEntry("from_step", 30.0).containsEntry("to_step", 80.0);
        assertThat(diagnosis.evidence().values().get("loss_from")).isCloseTo(0.693 - 3.5 * 0.0005, within(1e-12));
        assertThat(diagnosis.evidence().values().get("loss_to")).isCloseTo(0.693 - 7.5 * 0.0005, within(1e-12));
        assertThat((double) diagnosis.remedy().changes().get("learning_rate")).isCloseTo(5e-7, within(1e-18));
    }

    @Test
    void warmupLinesDoNotCount() {
        // only warm-up lines so far: nothing to judge yet
        SyntheticRun run = SyntheticRun.of(500).logs(10, 20, 10, step -> 0.693, step -> 1.0, step -> 1e-9);
        assertThat(new LearningRateTooLowRule().check(run.history(), RunFacts.classification(TIMID, 2))).isEmpty();
    }

    @Test
    void aRateInBertsUpperRangeIsNeverTooLow() {
        Hyperparameters high = Hyperparameters.builder().learningRate(1e-4).build();
        SyntheticRun run = SyntheticRun.of(500).logs(10, 200, 10, step -> 0.693, step -> 1.0, step -> 1e-4);
        assertThat(new LearningRateTooLowRule().check(run.history(), RunFacts.classification(high, 2))).isEmpty();
    }

    @Test
    void aHealthyRunIsQuiet() {
        assertThat(new LearningRateTooLowRule().check(SyntheticRun.healthy(600).history(),
                RunFacts.classification(Hyperparameters.defaults(), 2))).isEmpty();
    }
}
