package dev.bertlab.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ThresholdTuningTest {

    private static final List<String> BINARY = List.of("neg", "pos");

    // P(pos) and gold (1 = pos); 4 positives
    private static final PredictionSet VALIDATION = binary(
            new float[] {0.9f, 0.45f, 0.4f, 0.35f, 0.3f, 0.2f, 0.1f, 0.6f},
            new int[] {1, 1, 1, 0, 1, 0, 0, 0});
    private static final PredictionSet TEST = binary(
            new float[] {0.8f, 0.4f, 0.32f, 0.25f, 0.55f, 0.1f, 0.35f, 0.45f},
            new int[] {1, 1, 1, 0, 0, 0, 0, 1});

    @Test
    void findsTheThresholdWithTheBestValidationF1ByHand() {
        // F1 = 2 TP / (2 TP + FP + FN) with P(pos) >= t, validation ranked 0.9P 0.6N 0.45P 0.4P 0.35N 0.3P 0.2N 0.1N:
        // t 0.9: 2/5 = 0.4   0.6: 2/6   0.45: 4/7   0.4: 6/8   0.35: 6/9   0.3: 8/10 = 0.8   0.2: 8/11   0.1: 8/12
        assertThat(ThresholdTuning.bestThreshold(VALIDATION)).isEqualTo((double) 0.3f);
    }

    @Test
    void reportsF1AtTheDefaultAndAtTheTunedThreshold() {
        ThresholdTuning tuning = ThresholdTuning.tune(VALIDATION, TEST);

        // validation argmax: positive are 0.9 (pos) and 0.6 (neg): TP 1, FP 1, FN 3 -> 2/6
        assertThat(tuning.validationF1AtDefault()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(tuning.validationF1AtThreshold()).isCloseTo(0.8, within(1e-12));
        // test argmax: 0.8 (pos), 0.55 (neg): TP 1, FP 1, FN 3 -> 1/3
        assertThat(tuning.testF1AtDefault()).isCloseTo(1.0 / 3, within(1e-12));
        // test at >= 0.3: 0.8P 0.4P 0.32P 0.45P right, 0.55N 0.35N wrong: TP 4, FP 2, FN 0 -> 8/10
        assertThat(tuning.testF1AtThreshold()).isCloseTo(0.8, within(1e-12));
        assertThat(tuning.threshold()).isEqualTo((double) 0.3f);
    }

    @Test
    void theDefaultF1IsTheOneTheMetricsReport() {
        float[][] probabilities = TEST.predictions().stream().map(Prediction::probabilities).toArray(float[][]::new);
        int[] gold = TEST.predictions().stream().mapToInt(Prediction::gold).toArray();

        assertThat(ThresholdTuning.tune(VALIDATION, TEST).testF1AtDefault())
                .isEqualTo(ClassificationMetrics.compute(gold, probabilities, BINARY).f1());
    }

    @Test
    void amongEquallyGoodThresholdsTakesTheHighest() {
        // 0.9P 0.8N 0.7N 0.6P: t 0.9: TP 1, FN 1 -> 2/3; 0.8: 2/4; 0.7: 2/5; 0.6: TP 2, FP 2 -> 4/6 = 2/3
        PredictionSet tie = binary(new float[] {0.9f, 0.8f, 0.7f, 0.6f}, new int[] {1, 0, 0, 1});

        assertThat(ThresholdTuning.bestThreshold(tie)).isEqualTo((double) 0.9f);
    }

    @Test
    void applyingAThresholdMovesPredictionsOnly() {
        PredictionSet moved = ThresholdTuning.applyThreshold(TEST, 0.3f);

        assertThat(moved.predictions()).extracting(Prediction::predicted).containsExactly(1, 1, 1, 0, 1, 0, 1, 1);
        assertThat(moved.predictions().get(1).probabilities()).containsExactly(0.6f, 0.4f);
        assertThat(moved.predictions()).extracting(Prediction::id)
                .containsExactlyElementsOf(TEST.predictions().stream().map(Prediction::id).toList());
    }

    @Test
    void refusesMoreThanTwoClassesEmptySplitsAndNoPositives() {
        PredictionSet three = new PredictionSet(List.of("a", "b", "c"),
                List.of(Prediction.of("x", 0, new float[] {0.5f, 0.3f, 0.2f})));
        PredictionSet noPositives = binary(new float[] {0.9f, 0.2f}, new int[] {0, 0});

        assertThatThrownBy(() -> ThresholdTuning.tune(three, TEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two-class model");
        assertThatThrownBy(() -> ThresholdTuning.tune(VALIDATION, new PredictionSet(BINARY, List.of())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no test predictions");
        assertThatThrownBy(() -> ThresholdTuning.bestThreshold(noPositives))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no positive gold example");
    }

    private static PredictionSet binary(float[] positiveProbabilities, int[] gold) {
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < gold.length; i++) {
            float p = positiveProbabilities[i];
            predictions.add(Prediction.of("ex" + i, gold[i], new float[] {1 - p, p}));
        }
        return new PredictionSet(BINARY, predictions);
    }
}
