package dev.bertlab.engine.predict;

import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.eval.RegressionMetrics;
import java.util.Map;

/**
 * A model's result on one split.
 *
 * @param loss the training objective on this split (cross-entropy or MSE)
 * @param scalars every scalar metric by its snake_case name, "loss" included (what curves and early stopping use)
 * @param classification the full classification metrics, or null for regression
 * @param regression the regression metrics, or null for classification
 * @param outputs raw outputs per example (logits or values), in the split's order
 * @param probabilities class probabilities per example, or null for regression
 */
public record SplitEvaluation(double loss, Map<String, Double> scalars, ClassificationMetrics classification,
        RegressionMetrics regression, float[][] outputs, float[][] probabilities) {
}
