package dev.bertlab.engine.significance;

import static dev.bertlab.engine.significance.TwoRuns.BINARY;
import static dev.bertlab.engine.significance.TwoRuns.THREE;
import static dev.bertlab.engine.significance.TwoRuns.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairedPredictionsTest {

    private static final int[] GOLD = {0, 1, 1, 0};
    private static final PredictionSet A = run(BINARY, GOLD, new int[] {0, 1, 0, 1});
    private static final PredictionSet B = run(BINARY, GOLD, new int[] {1, 1, 1, 0});

    @Test
    void keepsRunAOrderAndMatchesRunBById() {
        List<Prediction> reversed = new ArrayList<>(B.predictions());
        Collections.reverse(reversed);
        PredictionSet reversedB = new PredictionSet(BINARY, reversed);

        PairedPredictions pairs = PairedPredictions.of(A, reversedB);

        assertThat(pairs.ids()).containsExactly("ex0", "ex1", "ex2", "ex3");
        assertThat(pairs.gold()).containsExactly(GOLD);
        assertThat(pairs.predictedA()).containsExactly(0, 1, 0, 1);
        assertThat(pairs.predictedB()).containsExactly(1, 1, 1, 0);
        assertThat(pairs).isEqualTo(PairedPredictions.of(A, B));
    }

    @Test
    void refusesRunsOfDifferentSizes() {
        PredictionSet shorter = new PredictionSet(BINARY, B.predictions().subList(0, 3));

        assertThatThrownBy(() -> PairedPredictions.of(A, shorter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different test sets: run A has 4 predictions, run B has 3");
    }

    @Test
    void refusesIdsMissingFromRunB() {
        List<Prediction> renamed = B.predictions().stream()
                .map(p -> new Prediction(p.id().equals("ex2") ? "other" : p.id(), p.gold(), p.predicted(),
                        p.probabilities()))
                .toList();

        assertThatThrownBy(() -> PairedPredictions.of(A, new PredictionSet(BINARY, renamed)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 example ids of run A are not in run B (first: [ex2])");
    }

    @Test
    void refusesDuplicateIds() {
        List<Prediction> twice = List.of(A.predictions().get(0), A.predictions().get(0), A.predictions().get(2),
                A.predictions().get(3));

        assertThatThrownBy(() -> PairedPredictions.of(new PredictionSet(BINARY, twice), B))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ex0' appears twice in run A");
    }

    @Test
    void refusesADifferentGoldForTheSameId() {
        PredictionSet otherGold = run(BINARY, new int[] {0, 1, 0, 0}, new int[] {1, 1, 1, 0});

        assertThatThrownBy(() -> PairedPredictions.of(A, otherGold))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'ex2' has gold 1 in run A but 0 in run B");
    }

    @Test
    void refusesDifferentLabels() {
        PredictionSet threeClasses = run(THREE, GOLD, new int[] {0, 1, 1, 0});

        assertThatThrownBy(() -> PairedPredictions.of(A, threeClasses))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("different labels");
    }

    @Test
    void refusesEmptyRuns() {
        PredictionSet empty = new PredictionSet(BINARY, List.of());

        assertThatThrownBy(() -> PairedPredictions.of(empty, empty))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no predictions");
    }
}
