package dev.bertlab.engine.eval;

import static dev.bertlab.engine.eval.ClassificationMetricsTest.BALANCED_GOLD;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.BALANCED_PROBABILITIES;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.IMBALANCED_GOLD;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.IMBALANCED_PROBABILITIES;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.ONE_CLASS_GOLD;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.ONE_CLASS_PROBABILITIES;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.TIES_GOLD;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.TIES_PROBABILITIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Expected points were printed by src/test/resources/eval/sklearn_reference.py (scikit-learn 1.2.1,
 * {@code roc_curve(drop_intermediate=False)}).
 */
class RocCurveTest {

    private static final Offset<Double> TOLERANCE = within(1e-9);
    private static final List<String> BINARY = List.of("neg", "pos");

    @Test
    void balancedCurveMatchesScikitLearn() {
        RocCurve curve = RocCurve.ofClass(BALANCED_GOLD, BALANCED_PROBABILITIES, BINARY, 1);

        assertThat(curve.falsePositiveRates()).containsExactly(
                new double[] {0.0, 0.0, 0.0, 0.0, 0.2, 0.2, 0.2, 0.4, 0.6, 0.8, 1.0}, TOLERANCE);
        assertThat(curve.truePositiveRates()).containsExactly(
                new double[] {0.0, 0.2, 0.4, 0.6, 0.6, 0.8, 1.0, 1.0, 1.0, 1.0, 1.0}, TOLERANCE);
        assertThat(curve.thresholds()[0]).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(Arrays.copyOfRange(curve.thresholds(), 1, curve.size())).containsExactly(
                new double[] {0.949999988079071, 0.800000011920929, 0.699999988079071, 0.6499999761581421,
                        0.6000000238418579, 0.44999998807907104, 0.4000000059604645, 0.30000001192092896,
                        0.20000000298023224, 0.10000000149011612}, TOLERANCE);
        assertThat(curve.area()).isCloseTo(0.92, TOLERANCE);
    }

    @Test
    void tiedScoresMakeOnePointAndCountHalf() {
        RocCurve curve = RocCurve.ofClass(TIES_GOLD, TIES_PROBABILITIES, BINARY, 1);

        assertThat(curve.falsePositiveRates()).containsExactly(
                new double[] {0.0, 0.25, 0.5, 0.75, 1.0, 1.0}, TOLERANCE);
        assertThat(curve.truePositiveRates()).containsExactly(
                new double[] {0.0, 0.25, 0.5, 0.75, 0.75, 1.0}, TOLERANCE);
        assertThat(Arrays.copyOfRange(curve.thresholds(), 1, curve.size())).containsExactly(
                new double[] {0.5, 0.4000000059604645, 0.30000001192092896, 0.10000000149011612, 0.0}, TOLERANCE);
        assertThat(curve.area()).isCloseTo(0.46875, TOLERANCE);
    }

    @Test
    void areaEqualsTheClassificationMetricsRocAuc() {
        double area = RocCurve.ofClass(TIES_GOLD, TIES_PROBABILITIES, BINARY, 1).area();

        assertThat(ClassificationMetrics.compute(TIES_GOLD, TIES_PROBABILITIES, BINARY).rocAuc()).isEqualTo(area);
    }

    @Test
    void oneVsRestCurvesOfAMulticlassProblemMatchScikitLearn() {
        List<String> labels = List.of("a", "b", "c");
        double[] expected = {0.9, 0.921875, 0.7272727272727273};

        for (int c = 0; c < labels.size(); c++) {
            assertThat(RocCurve.ofClass(IMBALANCED_GOLD, IMBALANCED_PROBABILITIES, labels, c).area())
                    .as("class %s", labels.get(c)).isCloseTo(expected[c], TOLERANCE);
        }
    }

    @Test
    void undefinedWhenGoldHasOneClass() {
        assertThatThrownBy(() -> RocCurve.ofClass(ONE_CLASS_GOLD, ONE_CLASS_PROBABILITIES, BINARY, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 positive and 4 negative");
    }

    @Test
    void rejectsNanScoresAndMismatchedLengths() {
        assertThatThrownBy(() -> RocCurve.compute(new boolean[] {true, false}, new double[] {0.5, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("example 1 is NaN");
        assertThatThrownBy(() -> RocCurve.compute(new boolean[] {true, false}, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2 labels but there are 1 scores");
    }

    @Test
    void curveIsImmutable() {
        RocCurve curve = RocCurve.compute(new boolean[] {true, false}, new double[] {0.9, 0.1});
        curve.truePositiveRates()[1] = 42;

        assertThat(curve.truePositiveRates()[1]).isEqualTo(1.0);
        assertThat(curve.area()).isEqualTo(1.0);
    }
}
