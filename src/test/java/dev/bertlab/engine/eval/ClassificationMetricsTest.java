package dev.bertlab.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.IntStream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Expected values were printed by src/test/resources/eval/sklearn_reference.py with scikit-learn 1.2.1 and
 * numpy 1.24.2 (Debian python3-sklearn); the fixtures here are the same as there, float32 probabilities included.
 */
class ClassificationMetricsTest {

    private static final Offset<Double> TOLERANCE = within(1e-9);
    private static final List<String> BINARY = List.of("neg", "pos");
    private static final List<String> THREE = List.of("a", "b", "c");

    /** What sklearn_reference.py prints for one classification fixture. */
    record Reference(double accuracy, Double precision, Double recall, Double f1,
                     double precisionMacro, double recallMacro, double f1Macro,
                     double precisionWeighted, double recallWeighted, double f1Weighted,
                     double logLoss, Double rocAuc, int[][] confusionMatrix,
                     double[] perClassPrecision, double[] perClassRecall, double[] perClassF1, int[] support) {
    }

    static final int[] BALANCED_GOLD = {0, 1, 1, 0, 1, 0, 0, 1, 1, 0};
    static final float[][] BALANCED_PROBABILITIES = {{0.9f, 0.1f}, {0.3f, 0.7f}, {0.2f, 0.8f}, {0.6f, 0.4f},
            {0.55f, 0.45f}, {0.35f, 0.65f}, {0.8f, 0.2f}, {0.05f, 0.95f}, {0.4f, 0.6f}, {0.7f, 0.3f}};

    static final int[] TIES_GOLD = {0, 1, 0, 1, 1, 0, 0, 1};
    static final float[][] TIES_PROBABILITIES = {{0.7f, 0.3f}, {0.5f, 0.5f}, {0.5f, 0.5f}, {0.7f, 0.3f},
            {1.0f, 0.0f}, {0.6f, 0.4f}, {0.9f, 0.1f}, {0.6f, 0.4f}};

    static final int[] IMBALANCED_GOLD = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2};
    static final float[][] IMBALANCED_PROBABILITIES = {{0.8f, 0.15f, 0.05f}, {0.6f, 0.3f, 0.1f},
            {0.4f, 0.5f, 0.1f}, {0.7f, 0.2f, 0.1f}, {0.5f, 0.1f, 0.4f}, {0.9f, 0.05f, 0.05f}, {0.3f, 0.3f, 0.4f},
            {0.2f, 0.7f, 0.1f}, {0.6f, 0.3f, 0.1f}, {0.1f, 0.8f, 0.1f}, {0.25f, 0.5f, 0.25f}, {0.2f, 0.2f, 0.2f}};

    static final int[] ABSENT_GOLD = {0, 1, 0, 1, 0};
    static final float[][] ABSENT_PROBABILITIES = {{0.6f, 0.3f, 0.1f}, {0.2f, 0.7f, 0.1f}, {0.3f, 0.3f, 0.4f},
            {0.45f, 0.45f, 0.1f}, {0.8f, 0.1f, 0.1f}};

    static final int[] ONE_CLASS_GOLD = {0, 0, 0, 0};
    static final float[][] ONE_CLASS_PROBABILITIES = {{0.9f, 0.1f}, {0.4f, 0.6f}, {0.7f, 0.3f}, {0.99f, 0.01f}};

    @Test
    void binaryBalancedMatchesScikitLearn() {
        assertMatches(ClassificationMetrics.compute(BALANCED_GOLD, BALANCED_PROBABILITIES, BINARY), new Reference(
                0.8, 0.8, 0.8, 0.8000000000000002,
                0.8, 0.8, 0.8000000000000002,
                0.8, 0.8, 0.8000000000000002,
                0.4186271902221491, 0.92, new int[][] {{4, 1}, {1, 4}},
                new double[] {0.8, 0.8}, new double[] {0.8, 0.8},
                new double[] {0.8000000000000002, 0.8000000000000002}, new int[] {5, 5}));
    }

    @Test
    void binaryWithTiesAndAClassNeverPredictedMatchesScikitLearn() {
        // the gold class of row 4 has probability 0: log loss clips it to eps = 1e-15, -log(1e-15) = 34.5
        assertMatches(ClassificationMetrics.compute(TIES_GOLD, TIES_PROBABILITIES, BINARY), new Reference(
                0.5, 0.0, 0.0, 0.0,
                0.25, 0.5, 0.3333333333333333,
                0.25, 0.5, 0.3333333333333333,
                4.877274420249119, 0.46875, new int[][] {{4, 0}, {4, 0}},
                new double[] {0.5, 0.0}, new double[] {1.0, 0.0},
                new double[] {0.6666666666666666, 0.0}, new int[] {4, 4}));
    }

    @Test
    void threeClassesImbalancedMatchesScikitLearn() {
        assertMatches(ClassificationMetrics.compute(IMBALANCED_GOLD, IMBALANCED_PROBABILITIES, THREE), new Reference(
                0.6666666666666666, null, null, null,
                0.48809523809523814, 0.48809523809523814, 0.48809523809523814,
                0.6666666666666666, 0.6666666666666666, 0.6666666666666666,
                0.6320805110304755, null, new int[][] {{5, 1, 1}, {1, 3, 0}, {1, 0, 0}},
                new double[] {0.7142857142857143, 0.75, 0.0}, new double[] {0.7142857142857143, 0.75, 0.0},
                new double[] {0.7142857142857143, 0.75, 0.0}, new int[] {7, 4, 1}));
    }

    @Test
    void classAbsentFromGoldStillCountsInMacroAverages() {
        assertMatches(ClassificationMetrics.compute(ABSENT_GOLD, ABSENT_PROBABILITIES, THREE), new Reference(
                0.6, null, null, null,
                0.5555555555555555, 0.38888888888888884, 0.4444444444444444,
                0.8, 0.6, 0.6666666666666666,
                0.6186249241727072, null, new int[][] {{2, 0, 1}, {1, 1, 0}, {0, 0, 0}},
                new double[] {0.6666666666666666, 1.0, 0.0}, new double[] {0.6666666666666666, 0.5, 0.0},
                new double[] {0.6666666666666666, 0.6666666666666666, 0.0}, new int[] {3, 2, 0}));
    }

    @Test
    void goldWithOneClassHasNoRocAuc() {
        assertMatches(ClassificationMetrics.compute(ONE_CLASS_GOLD, ONE_CLASS_PROBABILITIES, BINARY), new Reference(
                0.75, 0.0, 0.0, 0.0,
                0.5, 0.375, 0.42857142857142855,
                1.0, 0.75, 0.8571428571428571,
                0.3470941407686595, null, new int[][] {{3, 1}, {0, 0}},
                new double[] {1.0, 0.0}, new double[] {0.75, 0.0},
                new double[] {0.8571428571428571, 0.0}, new int[] {4, 0}));
    }

    @Test
    void equalProbabilitiesPredictTheLowestClass() {
        ClassificationMetrics metrics = ClassificationMetrics.compute(new int[] {1, 2},
                new float[][] {{0.1f, 0.45f, 0.45f}, {1 / 3f, 1 / 3f, 1 / 3f}}, THREE);

        assertThat(metrics.confusionMatrix().count(1, 1)).isEqualTo(1);
        assertThat(metrics.confusionMatrix().count(2, 0)).isEqualTo(1);
    }

    @Test
    void perClassReportCarriesLabelNames() {
        ClassificationMetrics metrics = ClassificationMetrics.compute(IMBALANCED_GOLD, IMBALANCED_PROBABILITIES, THREE);

        assertThat(metrics.perClass()).extracting(ClassScores::label).containsExactly("a", "b", "c");
        assertThat(metrics.labels()).isEqualTo(THREE);
        assertThat(metrics.examples()).isEqualTo(12);
    }

    private static void assertMatches(ClassificationMetrics actual, Reference expected) {
        assertThat(actual.accuracy()).isCloseTo(expected.accuracy(), TOLERANCE);
        assertNullableCloseTo(actual.precision(), expected.precision());
        assertNullableCloseTo(actual.recall(), expected.recall());
        assertNullableCloseTo(actual.f1(), expected.f1());
        assertThat(actual.precisionMacro()).isCloseTo(expected.precisionMacro(), TOLERANCE);
        assertThat(actual.recallMacro()).isCloseTo(expected.recallMacro(), TOLERANCE);
        assertThat(actual.f1Macro()).isCloseTo(expected.f1Macro(), TOLERANCE);
        assertThat(actual.precisionWeighted()).isCloseTo(expected.precisionWeighted(), TOLERANCE);
        assertThat(actual.recallWeighted()).isCloseTo(expected.recallWeighted(), TOLERANCE);
        assertThat(actual.f1Weighted()).isCloseTo(expected.f1Weighted(), TOLERANCE);
        assertThat(actual.logLoss()).isCloseTo(expected.logLoss(), TOLERANCE);
        assertNullableCloseTo(actual.rocAuc(), expected.rocAuc());
        assertThat(actual.confusionMatrix().counts()).isDeepEqualTo(expected.confusionMatrix());
        List<ClassScores> perClass = actual.perClass();
        assertThat(perClass.stream().mapToDouble(ClassScores::precision).toArray())
                .containsExactly(expected.perClassPrecision(), TOLERANCE);
        assertThat(perClass.stream().mapToDouble(ClassScores::recall).toArray())
                .containsExactly(expected.perClassRecall(), TOLERANCE);
        assertThat(perClass.stream().mapToDouble(ClassScores::f1).toArray())
                .containsExactly(expected.perClassF1(), TOLERANCE);
        assertThat(perClass.stream().mapToInt(ClassScores::support).toArray()).containsExactly(expected.support());
        assertThat(actual.examples()).isEqualTo(IntStream.of(expected.support()).sum());
    }

    private static void assertNullableCloseTo(Double actual, Double expected) {
        if (expected == null) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isNotNull().isCloseTo(expected, TOLERANCE);
        }
    }

    @Nested
    class RejectsBadInput {

        @Test
        void lengthMismatch() {
            assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0, 1},
                    new float[][] {{0.5f, 0.5f}}, BINARY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gold has 2 labels but probabilities has 1 rows");
        }

        @Test
        void emptyInput() {
            assertThatThrownBy(() -> ClassificationMetrics.compute(new int[0], new float[0][], BINARY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no examples");
        }

        @Test
        void rowOfTheWrongWidth() {
            assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0, 1},
                    new float[][] {{0.5f, 0.5f}, {0.2f, 0.3f, 0.5f}}, BINARY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("example 1 has 3 values, expected 2");
        }

        @Test
        void nanProbability() {
            assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0, 1},
                    new float[][] {{0.5f, 0.5f}, {Float.NaN, 0.5f}}, BINARY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("probability of 'neg' for example 1 is NaN");
        }

        @Test
        void negativeProbability() {
            assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0},
                    new float[][] {{-0.1f, 1.1f}}, BINARY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is -0.1");
        }

        @Test
        void goldLabelOutOfRange() {
            assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0, 2},
                    new float[][] {{0.5f, 0.5f}, {0.5f, 0.5f}}, BINARY))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("gold label of example 1 is 2, outside 0..1");
        }

        @Test
        void fewerThanTwoOrDuplicateLabels() {
            assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0}, new float[][] {{1f}},
                    List.of("only")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 2 labels");
            assertThatThrownBy(() -> ClassificationMetrics.compute(new int[] {0}, new float[][] {{1f, 0f}},
                    List.of("x", "x")))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'x' appears twice");
        }
    }
}
