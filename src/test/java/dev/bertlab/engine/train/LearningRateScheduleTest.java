package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Values of transformers' get_*_schedule_with_warmup for peak 1e-4, 10 warm-up steps, 100 steps. */
class LearningRateScheduleTest {

    private static final double PEAK = 1e-4;

    @Test
    void linearWarmsUpThenFallsToZero() {
        LearningRateSchedule schedule = new LearningRateSchedule(Hyperparameters.Scheduler.LINEAR, PEAK, 10, 100);
        assertThat(schedule.rate(0)).isEqualTo(0.0);
        assertThat(schedule.rate(5)).isCloseTo(5e-5, within(1e-12));
        assertThat(schedule.rate(10)).isCloseTo(1e-4, within(1e-12));
        assertThat(schedule.rate(55)).isCloseTo(1e-4 * 45 / 90, within(1e-12));
        assertThat(schedule.rate(100)).isEqualTo(0.0);
    }

    @Test
    void cosineFollowsHalfACosine() {
        LearningRateSchedule schedule = new LearningRateSchedule(Hyperparameters.Scheduler.COSINE, PEAK, 10, 100);
        assertThat(schedule.rate(10)).isCloseTo(1e-4, within(1e-12));
        assertThat(schedule.rate(55)).isCloseTo(5e-5, within(1e-12));
        assertThat(schedule.rate(32)).isCloseTo(1e-4 * 0.5 * (1 + Math.cos(Math.PI * 22 / 90)), within(1e-12));
        assertThat(schedule.rate(100)).isCloseTo(0.0, within(1e-12));
    }

    @Test
    void constantHoldsAfterWarmUp() {
        LearningRateSchedule schedule = new LearningRateSchedule(Hyperparameters.Scheduler.CONSTANT, PEAK, 4, 100);
        assertThat(schedule.rate(2)).isCloseTo(5e-5, within(1e-12));
        assertThat(schedule.rate(4)).isEqualTo(PEAK);
        assertThat(schedule.rate(99)).isEqualTo(PEAK);
    }

    @Test
    void warmupRatioRoundsUpLikeTransformers() {
        Hyperparameters hp = Hyperparameters.builder().warmupRatio(0.1).build();
        assertThat(hp.warmupStepsFor(125)).isEqualTo(13);
        assertThat(Hyperparameters.builder().warmupSteps(7).build().warmupStepsFor(125)).isEqualTo(7);
    }
}
