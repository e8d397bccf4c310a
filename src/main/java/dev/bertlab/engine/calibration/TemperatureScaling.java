package dev.bertlab.engine.calibration;

import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.ArrayList;
import java.util.List;

/**
 * Temperature scaling (Guo et al., 2017): divide every logit by one temperature T, fitted on the validation split
 * to minimise its negative log-likelihood. T > 1 softens an over-confident model, T < 1 sharpens an
 * under-confident one. Dividing by a positive constant keeps the order of a row's logits, so no prediction
 * changes: accuracy and F1 stay as they were, only the confidences move.
 *
 * @param temperature T, positive
 */
public record TemperatureScaling(double temperature) {

    /** Search range for T: a factor of 20 either way covers any model that still learnt something. */
    public static final double MIN_TEMPERATURE = 0.05;
    public static final double MAX_TEMPERATURE = 20;
    // in ln T; T is then known to a relative 1e-7, far below what the validation data can tell apart
    private static final double LOG_TOLERANCE = 1e-7;

    public TemperatureScaling {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
    }

    /**
     * The T in [{@value #MIN_TEMPERATURE}, {@value #MAX_TEMPERATURE}] that minimises the validation NLL.
     * The NLL is convex in 1 / T, so it has one minimum in ln T and golden-section search on ln T finds it.
     * A validation split the model gets entirely right has its minimum at T -> 0 and ends on the lower bound.
     */
    public static TemperatureScaling fit(LabeledLogits validation) {
        double logT = GoldenSectionSearch.minimise(
                u -> validation.negativeLogLikelihood(Math.exp(u)),
                Math.log(MIN_TEMPERATURE), Math.log(MAX_TEMPERATURE), LOG_TOLERANCE);
        return new TemperatureScaling(Math.exp(logT));
    }

    /** Calibrated probabilities of {@code logits}: softmax(logits / T). */
    public double[][] apply(LabeledLogits logits) {
        return logits.probabilities(temperature);
    }

    /**
     * Predictions with calibrated probabilities, from probabilities alone: p' is proportional to p^(1/T), which
     * is softmax(log p / T). Each prediction keeps its predicted class (the argmax does not move, and a tuned
     * threshold stays applied).
     */
    public PredictionSet apply(PredictionSet predictions) {
        LabeledLogits logits = LabeledLogits.fromProbabilities(predictions);
        double[][] calibrated = logits.probabilities(temperature);
        List<Prediction> rescaled = new ArrayList<>(calibrated.length);
        List<Prediction> original = predictions.predictions();
        for (int i = 0; i < calibrated.length; i++) {
            float[] row = new float[calibrated[i].length];
            for (int c = 0; c < row.length; c++) {
                row[c] = (float) calibrated[i][c];
            }
            Prediction prediction = original.get(i);
            rescaled.add(new Prediction(prediction.id(), prediction.gold(), prediction.predicted(), row));
        }
        return new PredictionSet(predictions.labels(), rescaled);
    }

    /** Log loss and ECE of {@code split} (usually test) at T = 1 and at this temperature. */
    public CalibrationReport report(LabeledLogits split, int bins) {
        ReliabilityDiagram before = split.reliability(1, bins);
        ReliabilityDiagram after = split.reliability(temperature, bins);
        return new CalibrationReport(temperature, split.examples(), split.negativeLogLikelihood(1),
                split.negativeLogLikelihood(temperature), before.expectedCalibrationError(),
                after.expectedCalibrationError(), before, after);
    }

    public CalibrationReport report(LabeledLogits split) {
        return report(split, ReliabilityDiagram.DEFAULT_BINS);
    }
}
