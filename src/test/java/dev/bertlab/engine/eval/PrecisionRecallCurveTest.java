package dev.bertlab.engine.eval;

import static dev.bertlab.engine.eval.ClassificationMetricsTest.BALANCED_GOLD;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.BALANCED_PROBABILITIES;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.ONE_CLASS_GOLD;
import static dev.bertlab.engine.eval.ClassificationMetricsTest.ONE_CLASS_PROBABILITIES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class PrecisionRecallCurveTest {

    private static final Offset<Double> TOLERANCE = within(1e-12);
    private static final List<String> BINARY = List.of("neg", "pos");

    @Test
    void pointsAndAveragePrecisionByHand() {
        // ranked: 0.9 pos, 0.8 neg, 0.7 pos, 0.6 neg, 0.5 pos (3 positives)
        PrecisionRecallCurve curve = PrecisionRecallCurve.compute(
                new boolean[] {false, true, true, false, true}, new double[] {0.8, 0.9, 0.7, 0.6, 0.5});

        // precision = TP / examples at or above: 1/1, 1/2, 2/3, 2/4, 3/5; recall = TP / 3
        assertThat(curve.precisions()).containsExactly(new double[] {1, 1, 0.5, 2.0 / 3, 0.5, 0.6}, TOLERANCE);
        assertThat(curve.recalls()).containsExactly(new double[] {0, 1.0 / 3, 1.0 / 3, 2.0 / 3, 2.0 / 3, 1}, TOLERANCE);
        assertThat(curve.thresholds()).containsExactly(
                new double[] {Double.POSITIVE_INFINITY, 0.9, 0.8, 0.7, 0.6, 0.5}, TOLERANCE);
        // AP = 1/3 * 1 + 1/3 * 2/3 + 1/3 * 3/5 = 34/45 = 0.7556
        assertThat(curve.averagePrecision()).isCloseTo(34.0 / 45, TOLERANCE);
    }

    @Test
    void tiedScoresEnterTogether() {
        // 0.5 pos and 0.5 neg together: precision 1/2, recall 1/2; then 0.3 pos: 2/3, 1. AP = 1/4 + 1/3 = 7/12
        PrecisionRecallCurve curve = PrecisionRecallCurve.compute(
                new boolean[] {true, false, true}, new double[] {0.5, 0.5, 0.3});

        assertThat(curve.size()).isEqualTo(3);
        assertThat(curve.precisions()).containsExactly(new double[] {1, 0.5, 2.0 / 3}, TOLERANCE);
        assertThat(curve.averagePrecision()).isCloseTo(7.0 / 12, TOLERANCE);
    }

    @Test
    void positiveClassCurveOfAClassifier() {
        // P(pos) ranked: 0.95 pos, 0.8 pos, 0.7 pos, 0.65 neg, 0.6 pos, 0.45 pos, 0.4 neg, 0.3, 0.2, 0.1 neg
        // recall steps of 1/5 at precisions 1, 1, 1, 4/5, 5/6: AP = (3 + 0.8 + 5/6) / 5 = 0.92667
        PrecisionRecallCurve curve = PrecisionRecallCurve.ofClass(BALANCED_GOLD, BALANCED_PROBABILITIES, BINARY, 1);

        assertThat(curve.averagePrecision()).isCloseTo((3 + 0.8 + 5.0 / 6) / 5, TOLERANCE);
        assertThat(curve.size()).isEqualTo(11);
        assertThat(curve.recalls()[curve.size() - 1]).isEqualTo(1.0);
        assertThat(curve.precisions()[curve.size() - 1]).isEqualTo(0.5);
    }

    @Test
    void aPerfectRankingHasAveragePrecisionOne() {
        PrecisionRecallCurve curve = PrecisionRecallCurve.compute(
                new boolean[] {true, true, false}, new double[] {0.9, 0.8, 0.1});

        assertThat(curve.averagePrecision()).isEqualTo(1.0);
    }

    @Test
    void undefinedWithoutPositives() {
        assertThatThrownBy(() -> PrecisionRecallCurve.ofClass(ONE_CLASS_GOLD, ONE_CLASS_PROBABILITIES, BINARY, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least one positive gold example, got none among 4");
    }

    @Test
    void rejectsNanScoresMismatchedLengthsAndUnknownClasses() {
        assertThatThrownBy(() -> PrecisionRecallCurve.compute(new boolean[] {true, false},
                new double[] {0.5, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("example 1 is NaN");
        assertThatThrownBy(() -> PrecisionRecallCurve.compute(new boolean[] {true, false}, new double[] {0.5}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 labels but there are 1");
        assertThatThrownBy(() -> PrecisionRecallCurve.ofClass(BALANCED_GOLD, BALANCED_PROBABILITIES, BINARY, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside 0..1");
    }

    @Test
    void curveIsImmutableAndSerialises() throws Exception {
        PrecisionRecallCurve curve = PrecisionRecallCurve.compute(new boolean[] {true, false}, new double[] {0.9, 0.1});
        curve.precisions()[1] = 42;
        ObjectMapper mapper = new ObjectMapper();

        assertThat(curve.precisions()[1]).isEqualTo(1.0);
        String json = mapper.writeValueAsString(curve);
        assertThat(json).contains("\"precisions\":[1.0,1.0,0.5]");
        // the first threshold, +infinity, travels as Jackson's "Infinity" and comes back
        assertThat(mapper.readValue(json, PrecisionRecallCurve.class)).isEqualTo(curve);
    }
}
