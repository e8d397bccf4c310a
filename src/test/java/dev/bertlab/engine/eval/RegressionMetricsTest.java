package dev.bertlab.engine.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * Expected values were printed by src/test/resources/eval/sklearn_reference.py with scikit-learn 1.2.1
 * ({@code r2_score} with its default force_finite=True).
 */
class RegressionMetricsTest {

    private static final Offset<Double> TOLERANCE = within(1e-9);

    @Test
    void matchesScikitLearn() {
        RegressionMetrics metrics = RegressionMetrics.compute(new double[] {3.0, -0.5, 2.0, 7.0, 4.25, 0.0},
                new double[] {2.5, 0.0, 2.0, 8.0, 3.75, -0.125});

        assertThat(metrics.mse()).isCloseTo(0.2942708333333333, TOLERANCE);
        assertThat(metrics.mae()).isCloseTo(0.4375, TOLERANCE);
        assertThat(metrics.r2()).isCloseTo(0.954691259021652, TOLERANCE);
        assertThat(metrics.examples()).isEqualTo(6);
    }

    @Test
    void constantGoldWithErrorsHasR2Zero() {
        RegressionMetrics metrics = RegressionMetrics.compute(new double[] {2.0, 2.0, 2.0, 2.0},
                new double[] {2.0, 2.5, 1.5, 2.0});

        assertThat(metrics.mse()).isCloseTo(0.125, TOLERANCE);
        assertThat(metrics.mae()).isCloseTo(0.25, TOLERANCE);
        assertThat(metrics.r2()).isEqualTo(0.0);
    }

    @Test
    void constantGoldPredictedPerfectlyHasR2One() {
        RegressionMetrics metrics = RegressionMetrics.compute(new double[] {2.0, 2.0, 2.0},
                new double[] {2.0, 2.0, 2.0});

        assertThat(metrics.mse()).isZero();
        assertThat(metrics.mae()).isZero();
        assertThat(metrics.r2()).isEqualTo(1.0);
    }

    @Test
    void singleExampleHasNoR2() {
        // scikit-learn returns nan (with a warning): R² needs the variance of at least two values
        assertThat(RegressionMetrics.compute(new double[] {1.0}, new double[] {1.5}).r2()).isNaN();
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> RegressionMetrics.compute(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gold has 2 values but there are 1 predictions");
        assertThatThrownBy(() -> RegressionMetrics.compute(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no examples");
        assertThatThrownBy(() -> RegressionMetrics.compute(new double[] {1, 2}, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prediction of example 1 is NaN");
    }
}
