package dev.bertlab.engine.eval;

import java.util.Objects;

/**
 * A regression model's output for one example, as kept in {@code predictions.csv}.
 *
 * @param id        the example's id in its data set
 * @param gold      gold value
 * @param predicted predicted value
 */
public record RegressionPrediction(String id, double gold, double predicted) {

    public RegressionPrediction {
        Objects.requireNonNull(id, "id");
    }
}
