package dev.bertlab.engine.eval;

import java.util.Objects;

/**
 * A regression model's errors on one split, as scikit-learn's {@code mean_squared_error},
 * {@code mean_absolute_error} and {@code r2_score} (with its default force_finite=True).
 *
 * @param mse      mean squared error
 * @param mae      mean absolute error
 * @param r2       coefficient of determination: 1 - squared error / squared deviation of gold from its mean. When
 *                 gold is constant it is 1 for perfect predictions and 0 otherwise (never NaN or -infinity); with
 *                 a single example it is NaN, as scikit-learn's, since a variance needs two values
 * @param examples examples evaluated
 */
public record RegressionMetrics(double mse, double mae, double r2, int examples) {

    /**
     * Scores the predictions of one split.
     *
     * @throws IllegalArgumentException on empty input, differing lengths, or a value that is NaN or infinite
     */
    public static RegressionMetrics compute(double[] gold, double[] predicted) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(predicted, "predicted");
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold has " + gold.length + " values but there are "
                    + predicted.length + " predictions: give one prediction per example");
        }
        if (gold.length == 0) {
            throw new IllegalArgumentException("no examples to evaluate: gold and predictions are empty");
        }
        double goldSum = 0;
        double squaredError = 0;
        double absoluteError = 0;
        for (int i = 0; i < gold.length; i++) {
            checkFinite(gold[i], "gold value", i);
            checkFinite(predicted[i], "prediction", i);
            double error = gold[i] - predicted[i];
            squaredError += error * error;
            absoluteError += Math.abs(error);
            goldSum += gold[i];
        }
        double goldMean = goldSum / gold.length;
        double squaredDeviation = 0;
        for (double value : gold) {
            squaredDeviation += (value - goldMean) * (value - goldMean);
        }
        int n = gold.length;
        return new RegressionMetrics(squaredError / n, absoluteError / n, r2(squaredError, squaredDeviation, n), n);
    }

    private static double r2(double squaredError, double squaredDeviation, int examples) {
        if (examples < 2) {
            return Double.NaN;
        }
        if (squaredError == 0) {
            return 1.0;
        }
        // scikit-learn's force_finite: constant gold with any error would give -infinity
        return squaredDeviation == 0 ? 0.0 : 1 - squaredError / squaredDeviation;
    }

    private static void checkFinite(double value, String what, int example) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " of example " + example + " is " + value
                    + "; regression metrics need finite numbers");
        }
    }
}
