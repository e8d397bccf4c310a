package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LossScalerTest {

    private static TrainerState state() {
        return TrainerState.fresh(8, "digest");
    }

    @Test
    void fp32NeitherScalesNorSkips() {
        TrainerState state = state();
        state.lossScale = 512; // a checkpoint of an fp16 run resumed on a CPU
        LossScaler scaler = LossScaler.none(state);
        assertThat(scaler.scale()).isEqualTo(1.0);
        assertThat(scaler.overflowed(0.5)).isFalse();
        for (int i = 0; i < LossScaler.GROWTH_INTERVAL + 1; i++) {
            scaler.stepTaken();
        }
        assertThat(scaler.scale()).isEqualTo(1.0);
        assertThat(state.lossScale).isEqualTo(1.0);
    }

    @Test
    void fp16StartsHighAndAResumeKeepsItsScale() {
        assertThat(LossScaler.dynamic(state(), true).scale()).isEqualTo(65536.0);
        TrainerState resumed = state();
        resumed.lossScale = 1024;
        assertThat(LossScaler.dynamic(resumed, false).scale()).isEqualTo(1024.0);
    }

    @Test
    void anOverflowHalvesTheScaleAndSkipsTheStep() {
        TrainerState state = state();
        LossScaler scaler = LossScaler.dynamic(state, true);
        scaler.stepTaken();
        assertThat(scaler.overflowed(0.7)).isTrue();
        assertThat(scaler.scale()).isEqualTo(32768.0);
        assertThat(state.stepsSinceScaleChange).isZero();
    }

    @Test
    void theScaleNeverFallsBelowOne() {
        TrainerState state = state();
        state.lossScale = 2;
        LossScaler scaler = LossScaler.dynamic(state, false);
        assertThat(scaler.overflowed(0.7)).isTrue();
        assertThat(scaler.overflowed(0.7)).isTrue();
        assertThat(scaler.scale()).isEqualTo(1.0);
    }

    @Test
    void aLossThatIsNotFiniteIsDivergenceNotOverflow() {
        TrainerState state = state();
        LossScaler scaler = LossScaler.dynamic(state, true);
        assertThat(scaler.overflowed(Double.NaN)).isFalse();
        assertThat(scaler.overflowed(Double.POSITIVE_INFINITY)).isFalse();
        assertThat(scaler.scale()).isEqualTo(65536.0);
    }

    @Test
    void theScaleDoublesAfterTheGrowthIntervalOfFiniteSteps() {
        TrainerState state = state();
        LossScaler scaler = LossScaler.dynamic(state, true);
        for (int i = 0; i < LossScaler.GROWTH_INTERVAL - 1; i++) {
            scaler.stepTaken();
        }
        assertThat(scaler.scale()).isEqualTo(65536.0);
        scaler.stepTaken();
        assertThat(scaler.scale()).isEqualTo(131072.0);
        assertThat(state.stepsSinceScaleChange).isZero();
    }

    @Test
    void anOverflowRestartsTheCountToGrowth() {
        TrainerState state = state();
        LossScaler scaler = LossScaler.dynamic(state, true);
        for (int i = 0; i < LossScaler.GROWTH_INTERVAL - 1; i++) {
            scaler.stepTaken();
        }
        scaler.overflowed(1.0);
        scaler.stepTaken();
        assertThat(scaler.scale()).isEqualTo(32768.0);
    }
}
