package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.train.Hyperparameters;
import org.junit.jupiter.api.Test;

class LearningRateTooHighRuleTest {

    private static final Hyperparameters RECKLESS = Hyperparameters.builder().learningRate(1e-3).warmupRatio(0)
            .maxGradNorm(0).build();
    private static final RunFacts FACTS = RunFacts.classification(RECKLESS, 2);

    @Test
    void aLossSpikeAboveThreeTimesTheRunningMedianIsFlaggedAtItsStep() {
        SyntheticRun run = SyntheticRun.of(200).logs(10, 60, 10, step -> 0.5).log(70, 2.4, 1, 1e-3, 100, 0.1);

        Diagnosis diagnosis = new LearningRateTooHighRule().check(run.history(), FACTS).orElseThrow();

        assertThat(diagnosis.kind()).isEqualTo(DiagnosisKind.LEARNING_RATE_TOO_HIGH);
        assertThat(diagnosis.step()).isEqualTo(70);
        assertThat(diagnosis.severity()).isEqualTo(Severity.WARNING);
        assertThat(diagnosis.evidence().values()).containsEntry("loss", 2.4).containsEntry("running_median", 0.5);
        assertThat(diagnosis.evidence().values().get("factor")).isCloseTo(4.8, within(1e-9));
    }

    @Test
    void theRemedyDividesTheRateByTenAddsWarmupAndClipping() {
        SyntheticRun run = SyntheticRun.of(200).logs(10, 60, 10, step -> 0.5).log(70, 2.4, 1, 1e-3, 100, 0.1);
        Remedy remedy = new LearningRateTooHighRule().check(run.history(), FACTS).orElseThrow().remedy();

        assertThat((double) remedy.changes().get("learning_rate")).isCloseTo(1e-4, within(1e-15));
        assertThat(remedy.changes()).containsEntry("warmup_ratio", 0.1).containsEntry("max_grad_norm", 1.0);
        assertThat(remedy.applyTo(RECKLESS).maxGradNorm()).isEqualTo(1.0);
    }

    @Test
    void aNanLossIsAProblemAtOnce() {
        SyntheticRun run = SyntheticRun.of(200).logs(10, 30, 10, step -> 0.6).log(40, Double.NaN, Double.NaN, 1e-3,
                100, 0.1);
        Diagnosis diagnosis = new LearningRateTooHighRule().check(run.history(), FACTS).orElseThrow();
        assertThat(diagnosis.step()).isEqualTo(40);
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(diagnosis.evidence().values().get("loss")).isNaN();
    }

    @Test
    void aDivergedNoticeIsAProblemAtItsStep() {
        SyntheticRun run = SyntheticRun.of(200).logs(10, 30, 10, step -> 0.6)
                .notice(33, "diverged", "diverged at step 34: loss NaN, gradient norm Infinity");
        Diagnosis diagnosis = new LearningRateTooHighRule().check(run.history(), FACTS).orElseThrow();
        assertThat(diagnosis.step()).isEqualTo(33);
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(diagnosis.evidence().sentence()).contains("diverged at step 34");
    }

    @Test
    void aLossThatClimbsWellAboveItsStartIsDivergence() {
        // no single jump is a spike (each line is below 3x the median), but the loss keeps climbing
        SyntheticRun run = SyntheticRun.of(200).logs(10, 200, 10, step -> 0.3 + step / 100.0 * 0.3);

        Diagnosis diagnosis = new LearningRateTooHighRule().check(run.history(), FACTS).orElseThrow();

        // initial 0.33; the median of the last three lines first exceeds 1.5 x 0.33 = 0.495 at step 80 (0.51)
        assertThat(diagnosis.step()).isEqualTo(80);
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(diagnosis.evidence().values().get("initial_loss")).isCloseTo(0.33, within(1e-9));
        assertThat(diagnosis.evidence().values().get("recent_loss")).isCloseTo(0.51, within(1e-9));
    }

    @Test
    void anExplodingGradientNormIsFlagged() {
        // the loss jumps with the gradient (0.6 against a running median of 0.5): the step went too far
        SyntheticRun run = SyntheticRun.of(200).logs(10, 200, 10, step -> step == 90 ? 0.6 : 0.5,
                step -> step == 90 ? 80.0 : 2.0, step -> 1e-3);
        Diagnosis diagnosis = new LearningRateTooHighRule().check(run.history(), FACTS).orElseThrow();
        assertThat(diagnosis.step()).isEqualTo(90);
        assertThat(diagnosis.evidence().values()).containsEntry("grad_norm", 80.0)
                .containsEntry("running_median", 2.0);
    }

    @Test
    void aLargeGradientWhileTheLossKeepsFallingIsNotFlagged() {
        // as a fine-tuned classifier sharpens its gradients grow; clipping holds them and the loss keeps falling
        SyntheticRun run = SyntheticRun.of(200).logs(10, 200, 10, step -> 0.7 - step / 1000.0,
                step -> step == 90 ? 30.0 : 1.3, step -> 5e-5);
        assertThat(new LearningRateTooHighRule().check(run.history(), FACTS)).isEmpty();
    }

    @Test
    void theEarliestSignalWins() {
        SyntheticRun run = SyntheticRun.of(200).logs(10, 60, 10, step -> 0.5).log(70, 2.4, 1, 1e-3, 100, 0.1)
                .notice(75, "diverged", "diverged at step 76");
        assertThat(new LearningRateTooHighRule().check(run.history(), FACTS).orElseThrow().step()).isEqualTo(70);
    }

    @Test
    void aLossStuckAtChanceAfterWarmupAtARateAboveBertsRangeIsACollapse() {
        // warm-up to step 20; the first five lines at full rate are steps 10 (half rate) to 50
        SyntheticRun run = SyntheticRun.of(200).logs(10, 200, 10, step -> step % 20 == 0 ? 0.70 : 0.68,
                step -> 1.0, step -> 1e-3 * Math.min(1.0, step / 20.0));

        Diagnosis diagnosis = new LearningRateTooHighRule().check(run.history(), FACTS).orElseThrow();

        assertThat(diagnosis.step()).isEqualTo(50);
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(diagnosis.evidence().values()).containsEntry("median_loss", 0.68)
                .containsEntry("from_step", 10.0).containsEntry("to_step", 50.0);
        assertThat(diagnosis.evidence().sentence()).contains("collapsed");
    }

    @Test
    void theSameFlatLossAtAUsualRateIsNoCollapse() {
        SyntheticRun run = SyntheticRun.of(200).logs(10, 200, 10, step -> step % 20 == 0 ? 0.70 : 0.68,
                step -> 1.0, step -> 5e-5);
        assertThat(new LearningRateTooHighRule().check(run.history(),
                RunFacts.classification(Hyperparameters.builder().learningRate(5e-5).build(), 2))).isEmpty();
    }

    @Test
    void lowLossNoiseLateInARunIsNotASpike() {
        // 0.05 -> 0.2 is 4x, but 0.2 is far below chance (ln 2): batch noise, not instability
        SyntheticRun run = SyntheticRun.of(200).logs(10, 60, 10, step -> 0.05).log(70, 0.2, 1, 2e-5, 100, 0.1);
        assertThat(new LearningRateTooHighRule().check(run.history(), FACTS)).isEmpty();
    }

    @Test
    void aHealthyRunIsQuiet() {
        assertThat(new LearningRateTooHighRule().check(SyntheticRun.healthy(600).history(),
                RunFacts.classification(Hyperparameters.defaults(), 2))).isEmpty();
    }
}
