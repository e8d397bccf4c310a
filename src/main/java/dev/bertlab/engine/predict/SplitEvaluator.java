package dev.bertlab.engine.predict;

import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.eval.RegressionMetrics;
import dev.bertlab.engine.train.EncodedSplit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/** Evaluates a model on an encoded split: loss and every metric of the task. */
public final class SplitEvaluator {

    private final BatchPredictor predictor;
    private final List<String> labelNames;
    private final float[] classWeights;

    /**
     * @param labelNames class names (empty for regression)
     * @param classWeights the loss's class weights (empty: all 1), so validation loss is the training objective
     */
    public SplitEvaluator(BatchPredictor predictor, List<String> labelNames, float[] classWeights) {
        this.predictor = predictor;
        this.labelNames = List.copyOf(labelNames);
        this.classWeights = classWeights.clone();
    }

    public SplitEvaluation evaluate(EncodedSplit split, IntConsumer progress) {
        float[][] outputs = predictor.outputs(split.inputs(), progress);
        Map<String, Double> scalars = new LinkedHashMap<>();
        if (split.isRegression()) {
            double[] predicted = new double[outputs.length];
            for (int i = 0; i < outputs.length; i++) {
                predicted[i] = outputs[i][0];
            }
            RegressionMetrics metrics = RegressionMetrics.compute(split.targets(), predicted);
            scalars.put("loss", metrics.mse());
            scalars.put("mse", metrics.mse());
            scalars.put("mae", metrics.mae());
            scalars.put("r2", metrics.r2());
            return new SplitEvaluation(metrics.mse(), scalars, null, metrics, outputs, null);
        }
        float[][] probabilities = BatchPredictor.softmax(outputs);
        double loss = crossEntropy(outputs, split.labels());
        ClassificationMetrics metrics = ClassificationMetrics.compute(split.labels(), probabilities, labelNames);
        scalars.put("loss", loss);
        scalars.put("accuracy", metrics.accuracy());
        if (metrics.f1() != null) {
            scalars.put("f1", metrics.f1());
            scalars.put("precision", metrics.precision());
            scalars.put("recall", metrics.recall());
        }
        scalars.put("f1_macro", metrics.f1Macro());
        scalars.put("f1_weighted", metrics.f1Weighted());
        scalars.put("precision_macro", metrics.precisionMacro());
        scalars.put("recall_macro", metrics.recallMacro());
        scalars.put("log_loss", metrics.logLoss());
        if (metrics.rocAuc() != null) {
            scalars.put("roc_auc", metrics.rocAuc());
        }
        return new SplitEvaluation(loss, scalars, metrics, null, outputs, probabilities);
    }

    /** (Weighted) mean negative log-softmax of the gold class, computed from logits without clipping. */
    private double crossEntropy(float[][] logits, int[] gold) {
        double sum = 0;
        double weightSum = 0;
        for (int i = 0; i < logits.length; i++) {
            double max = Double.NEGATIVE_INFINITY;
            for (float z : logits[i]) {
                max = Math.max(max, z);
            }
            double normaliser = 0;
            for (float z : logits[i]) {
                normaliser += Math.exp(z - max);
            }
            double nll = -(logits[i][gold[i]] - max - Math.log(normaliser));
            double weight = classWeights.length == 0 ? 1 : classWeights[gold[i]];
            sum += weight * nll;
            weightSum += weight;
        }
        return sum / weightSum;
    }
}
