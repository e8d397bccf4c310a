package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.predict.SplitEvaluation;
import dev.bertlab.engine.weights.NamedTensor;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BestModelTrackerTest {

    @TempDir
    Path temp;

    /** Stands in for a model: one bias vector that the test sets as "training" goes. */
    private static final class FakeWeights implements BestModelTracker.ModelWeights {
        float[] bias = {0f, 0f};

        @Override
        public Map<String, NamedTensor> snapshot() {
            return Map.of("classifier.bias", new NamedTensor("classifier.bias", new long[] {2}, bias.clone()));
        }

        @Override
        public void apply(Map<String, NamedTensor> weights) {
            bias = weights.get("classifier.bias").values().clone();
        }
    }

    private static SplitEvaluation evaluation(double loss) {
        return new SplitEvaluation(loss, Map.of("loss", loss), null, null, new float[0][], new float[0][]);
    }

    /** The state after {@code steps} steps whose best evaluation was at {@code bestStep}. */
    private static TrainerState state(int steps, int bestStep) {
        TrainerState state = TrainerState.fresh(8, "d");
        state.globalStep = steps;
        state.bestStep = bestStep;
        state.bestMetric = 0.1;
        return state;
    }

    @Test
    void savesTheWeightsOfEachNewBestOnly() throws Exception {
        CheckpointStore store = new CheckpointStore(temp, 2);
        FakeWeights weights = new FakeWeights();
        BestModelTracker tracker = new BestModelTracker(store, weights, true);
        weights.bias = new float[] {1f, 1f};
        tracker.evaluated(2, evaluation(0.5), true);
        weights.bias = new float[] {2f, 2f};
        tracker.evaluated(4, evaluation(0.6), false);

        assertThat(store.bestWeights().orElseThrow().get("classifier.bias").values()).containsExactly(1f, 1f);
        assertThat(tracker.lastMetrics()).containsEntry("loss", 0.6);
        assertThat(tracker.bestEvaluation().loss()).isEqualTo(0.5);
    }

    @Test
    void knowsWhichStepsWeightsWereEvaluated() throws Exception {
        BestModelTracker tracker = new BestModelTracker(new CheckpointStore(temp, 2), new FakeWeights(), true);
        assertThat(tracker.lastMetrics()).isEmpty();
        assertThat(tracker.hasEvaluated(0)).isFalse();
        SplitEvaluation at4 = evaluation(0.3);
        tracker.evaluated(4, at4, true);
        assertThat(tracker.hasEvaluated(4)).isTrue();
        assertThat(tracker.hasEvaluated(5)).isFalse();
        assertThat(tracker.evaluationAt(4)).isSameAs(at4);
        assertThat(tracker.evaluationAt(5)).isNull();
    }

    @Test
    void restoresTheBestWeightsWhenTheModelHoldsOthers() throws Exception {
        FakeWeights weights = new FakeWeights();
        BestModelTracker tracker = new BestModelTracker(new CheckpointStore(temp, 2), weights, true);
        weights.bias = new float[] {1f, 1f};
        tracker.evaluated(2, evaluation(0.1), true);
        weights.bias = new float[] {3f, 3f};
        tracker.evaluated(6, evaluation(0.4), false);

        assertThat(tracker.restoreBest(state(6, 2))).isTrue();
        assertThat(weights.bias).containsExactly(1f, 1f);
        assertThat(tracker.bestEvaluation().loss()).isEqualTo(0.1);
    }

    @Test
    void keepsTheWeightsWhenTheyAreTheBestOrWhenNotAsked() throws Exception {
        FakeWeights weights = new FakeWeights();
        BestModelTracker tracker = new BestModelTracker(new CheckpointStore(temp, 2), weights, true);
        weights.bias = new float[] {1f, 1f};
        tracker.evaluated(2, evaluation(0.1), true);
        weights.bias = new float[] {3f, 3f};
        assertThat(tracker.restoreBest(state(2, 2))).isFalse();

        BestModelTracker unasked = new BestModelTracker(new CheckpointStore(temp, 2), weights, false);
        assertThat(unasked.restoreBest(state(6, 2))).isFalse();
        assertThat(weights.bias).containsExactly(3f, 3f);
    }

    @Test
    void withoutABestSavedThereIsNothingToRestore() throws Exception {
        FakeWeights weights = new FakeWeights();
        weights.bias = new float[] {3f, 3f};
        BestModelTracker tracker = new BestModelTracker(new CheckpointStore(temp, 2), weights, true);
        assertThat(tracker.restoreBest(state(6, 0))).isFalse();
        assertThat(weights.bias).containsExactly(3f, 3f);
    }

    @Test
    void aResumedRunRestoresTheBestOfItsFirstSessionWithoutItsEvaluation() throws Exception {
        FakeWeights first = new FakeWeights();
        first.bias = new float[] {1f, 1f};
        new BestModelTracker(new CheckpointStore(temp, 2), first, true).evaluated(2, evaluation(0.1), true);

        FakeWeights resumed = new FakeWeights();
        resumed.bias = new float[] {5f, 5f};
        BestModelTracker tracker = new BestModelTracker(new CheckpointStore(temp, 2), resumed, true);
        assertThat(tracker.restoreBest(state(8, 2))).isTrue();
        assertThat(resumed.bias).containsExactly(1f, 1f);
        assertThat(tracker.bestEvaluation()).isNull();
    }
}
