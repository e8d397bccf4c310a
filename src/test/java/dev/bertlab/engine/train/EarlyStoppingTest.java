package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EarlyStoppingTest {

    private static TrainerState state() {
        return TrainerState.fresh(8, "digest");
    }

    /** Evaluates at steps 1, 2, 3 ... and answers the verdict of the last value. */
    private static EarlyStopping.Verdict evaluate(EarlyStopping stopping, TrainerState state, double... values) {
        EarlyStopping.Verdict verdict = null;
        for (double value : values) {
            state.globalStep++;
            verdict = stopping.observe(state, value);
        }
        return verdict;
    }

    @Test
    void theFirstEvaluationIsTheBest() {
        TrainerState state = state();
        EarlyStopping.Verdict verdict = evaluate(new EarlyStopping("loss", false, 0, 1), state, 0.7);
        assertThat(verdict).isEqualTo(new EarlyStopping.Verdict(true, false));
        assertThat(state.bestMetric).isEqualTo(0.7);
        assertThat(state.bestStep).isEqualTo(1);
    }

    @Test
    void lowerIsBetterUnlessGreaterIsBetter() {
        TrainerState loss = state();
        assertThat(evaluate(new EarlyStopping("loss", false, 0, 0), loss, 0.7, 0.6).improved()).isTrue();
        assertThat(evaluate(new EarlyStopping("loss", false, 0, 0), loss, 0.65).improved()).isFalse();
        assertThat(loss.bestMetric).isEqualTo(0.6);
        assertThat(loss.bestStep).isEqualTo(2);

        TrainerState accuracy = state();
        assertThat(evaluate(new EarlyStopping("accuracy", true, 0, 0), accuracy, 0.7, 0.6).improved()).isFalse();
        assertThat(evaluate(new EarlyStopping("accuracy", true, 0, 0), accuracy, 0.8).improved()).isTrue();
        assertThat(accuracy.bestMetric).isEqualTo(0.8);
        assertThat(accuracy.bestStep).isEqualTo(3);
    }

    @Test
    void anEqualValueIsNoImprovement() {
        TrainerState state = state();
        assertThat(evaluate(new EarlyStopping("accuracy", true, 0, 0), state, 0.5, 0.5).improved()).isFalse();
        assertThat(state.bestStep).isEqualTo(1);
    }

    @Test
    void anImprovementMustBeatTheBestByMoreThanTheThreshold() {
        EarlyStopping stopping = new EarlyStopping("accuracy", true, 0.05, 0);
        TrainerState state = state();
        assertThat(evaluate(stopping, state, 0.50, 0.54).improved()).isFalse();
        assertThat(evaluate(stopping, state, 0.56).improved()).isTrue();
        assertThat(state.bestMetric).isEqualTo(0.56);

        EarlyStopping lower = new EarlyStopping("loss", false, 0.05, 0);
        TrainerState losses = state();
        assertThat(evaluate(lower, losses, 0.50, 0.46).improved()).isFalse();
        assertThat(evaluate(lower, losses, 0.44).improved()).isTrue();
    }

    @Test
    void stopsAfterPatienceEvaluationsInARowWithoutImprovement() {
        EarlyStopping stopping = new EarlyStopping("loss", false, 0, 2);
        TrainerState state = state();
        assertThat(evaluate(stopping, state, 0.5, 0.6).stop()).isFalse();
        assertThat(evaluate(stopping, state, 0.4).stop()).isFalse(); // an improvement resets the count
        assertThat(state.evaluationsWithoutImprovement).isZero();
        assertThat(evaluate(stopping, state, 0.45).stop()).isFalse();
        assertThat(evaluate(stopping, state, 0.41)).isEqualTo(new EarlyStopping.Verdict(false, true));
        assertThat(state.evaluationsWithoutImprovement).isEqualTo(2);
        assertThat(state.bestStep).isEqualTo(3);
    }

    @Test
    void patienceZeroNeverStops() {
        TrainerState state = state();
        assertThat(evaluate(new EarlyStopping("loss", false, 0, 0), state, 0.1, 0.2, 0.3, 0.4, 0.5).stop())
                .isFalse();
        assertThat(state.evaluationsWithoutImprovement).isEqualTo(4);
    }

    @Test
    void carriesOnFromARestoredState() {
        // a resumed run continues the count of the checkpoint it resumed from
        TrainerState state = state();
        state.globalStep = 10;
        state.bestMetric = 0.3;
        state.bestStep = 6;
        state.evaluationsWithoutImprovement = 2;
        assertThat(evaluate(new EarlyStopping("loss", false, 0, 3), state, 0.35).stop()).isTrue();
    }

    @Test
    void readsItsSettingsFromTheHyperparameters() {
        Hyperparameters hp = Hyperparameters.builder().metricForBestModel("accuracy").earlyStoppingPatience(1)
                .earlyStoppingThreshold(0.1).build();
        EarlyStopping stopping = EarlyStopping.of(hp);
        assertThat(stopping.metric()).isEqualTo("accuracy");
        TrainerState state = state();
        assertThat(evaluate(stopping, state, 0.5, 0.59)).isEqualTo(new EarlyStopping.Verdict(false, true));
    }

    @Test
    void saysWhyItStopped() {
        EarlyStopping stopping = new EarlyStopping("f1", true, 0, 2);
        TrainerState state = state();
        evaluate(stopping, state, 0.8, 0.7, 0.75);
        assertThat(stopping.stopMessage(state))
                .isEqualTo("early stopping: f1 did not improve for 2 evaluations (best 0.8000 at step 1)");
    }
}
