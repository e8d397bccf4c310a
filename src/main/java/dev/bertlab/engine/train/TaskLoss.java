package dev.bertlab.engine.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.training.loss.Loss;
import dev.bertlab.engine.model.OwnedScalar;
import java.util.List;

/**
 * Cross-entropy (optionally class-weighted, as PyTorch's {@code CrossEntropyLoss(weight=...)}) or mean squared
 * error. The trainer needs the per-example terms rather than a mean, so that micro-batches of one optimizer step
 * add up to exactly the loss of the whole step however the step was split.
 */
public final class TaskLoss extends Loss {

    private final boolean regression;
    private final float[] classWeights;

    private TaskLoss(boolean regression, float[] classWeights) {
        super(regression ? "mse" : "cross_entropy");
        this.regression = regression;
        this.classWeights = classWeights;
    }

    public static TaskLoss crossEntropy(List<Double> classWeights, int numLabels) {
        if (!classWeights.isEmpty() && classWeights.size() != numLabels) {
            throw new InvalidHyperparametersException(java.util.Map.of("class_weights", "needs one weight per "
                    + "class (" + numLabels + "), got " + classWeights.size()));
        }
        float[] weights = new float[classWeights.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = classWeights.get(i).floatValue();
        }
        return new TaskLoss(false, weights);
    }

    public static TaskLoss meanSquaredError() {
        return new TaskLoss(true, new float[0]);
    }

    /** Weight of each example (1 unless class weights are set): the denominator of the weighted mean. */
    public float exampleWeight(int label) {
        return regression || classWeights.length == 0 ? 1f : classWeights[label];
    }

    /**
     * Sum over the batch of weight x loss. {@code labels} holds class indices (int64) or targets (float32).
     */
    public NDArray weightedSum(NDArray outputs, NDArray labels) {
        if (regression) {
            NDArray diff = outputs.reshape(-1).sub(labels.toType(DataType.FLOAT32, false));
            return diff.mul(diff).sum();
        }
        NDArray logProbabilities = outputs.logSoftmax(-1);
        NDArray oneHot = labels.oneHot((int) outputs.getShape().get(1));
        NDArray nll = logProbabilities.mul(oneHot).sum(new int[] {1}).neg();
        if (classWeights.length == 0) {
            return nll.sum();
        }
        NDArray weights = labels.getManager().create(classWeights).get(labels);
        return nll.mul(weights).sum();
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray label = labels.singletonOrThrow();
        NDArray sum = weightedSum(predictions.singletonOrThrow(), label);
        if (regression || classWeights.length == 0) {
            return OwnedScalar.dividedBy(sum, label.size());
        }
        return sum.div(label.getManager().create(classWeights).get(label).sum());
    }
}
