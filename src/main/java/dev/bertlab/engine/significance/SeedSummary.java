package dev.bertlab.engine.significance;

import java.util.Collection;
import java.util.Objects;

/**
 * One metric over runs that differ only in their random seed: how much of a difference between two settings
 * the seed alone could explain.
 *
 * @param runs              number of runs (seeds)
 * @param mean              mean of the metric
 * @param standardDeviation sample standard deviation (divisor runs - 1); null for a single run, where it is
 *                          undefined
 * @param min               smallest value
 * @param max               largest value
 */
public record SeedSummary(int runs, double mean, Double standardDeviation, double min, double max) {

    /**
     * @throws IllegalArgumentException if there are no values or one is NaN or infinite
     */
    public static SeedSummary of(double... values) {
        Objects.requireNonNull(values, "values");
        if (values.length == 0) {
            throw new IllegalArgumentException("no runs to summarise: give the metric of at least one seed");
        }
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("the metric of run " + i + " is " + values[i]
                        + "; every run needs a finite value");
            }
            sum += values[i];
            min = Math.min(min, values[i]);
            max = Math.max(max, values[i]);
        }
        double mean = sum / values.length;
        if (values.length == 1) {
            return new SeedSummary(1, mean, null, min, max);
        }
        // two passes (mean first, then squared deviations) avoid the cancellation of sum(x^2) - n mean^2
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return new SeedSummary(values.length, mean, Math.sqrt(squares / (values.length - 1)), min, max);
    }

    public static SeedSummary of(Collection<? extends Number> values) {
        Objects.requireNonNull(values, "values");
        return of(values.stream().mapToDouble(Number::doubleValue).toArray());
    }
}
