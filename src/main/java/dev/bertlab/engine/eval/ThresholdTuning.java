package dev.bertlab.engine.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The decision threshold on P(positive) that maximises a two-class model's F1 on validation, and what it does on
 * test. The default decision is the argmax (for probabilities that sum to 1, positive when P(positive) > 0.5),
 * which is what {@link ClassificationMetrics} scores; on imbalanced data a lower threshold often trades a little
 * precision for much more recall. Tuning on validation and reporting test keeps the test F1 honest.
 *
 * @param threshold               an example is positive when P(positive) >= threshold
 * @param validationF1AtDefault   validation F1 of the positive class with the argmax decision
 * @param validationF1AtThreshold validation F1 with the tuned threshold (the best achievable there)
 * @param testF1AtDefault         test F1 with the argmax decision
 * @param testF1AtThreshold       test F1 with the tuned threshold
 */
public record ThresholdTuning(double threshold, double validationF1AtDefault, double validationF1AtThreshold,
                              double testF1AtDefault, double testF1AtThreshold) {

    /**
     * Tunes the threshold on {@code validation} and reports F1 on both splits.
     *
     * @throws IllegalArgumentException if the splits are empty, either does not have exactly 2 labels, or
     *                                  validation has no positive gold example
     */
    public static ThresholdTuning tune(PredictionSet validation, PredictionSet test) {
        checkBinary(test, "test");
        double threshold = bestThreshold(validation);
        return new ThresholdTuning(threshold, f1AtDefault(validation), f1(validation, threshold),
                f1AtDefault(test), f1(test, threshold));
    }

    /**
     * The P(positive) threshold with the highest F1 on {@code predictions}. Only the distinct scores can be
     * thresholds that matter (between two of them F1 does not change), so each is tried; among equally good ones
     * the highest wins, the one that calls fewest examples positive.
     */
    public static double bestThreshold(PredictionSet predictions) {
        checkBinary(predictions, "validation");
        ThresholdSweep sweep = ThresholdSweep.of(goldPositive(predictions), positiveScores(predictions));
        int positives = sweep.positives();
        if (positives == 0) {
            throw new IllegalArgumentException("the validation predictions have no positive gold example, so every"
                    + " threshold has F1 0: tune on a split that holds '" + predictions.labels().get(1) + "'");
        }
        double bestF1 = -1;
        double bestThreshold = Double.POSITIVE_INFINITY;
        for (int point = 0; point < sweep.size(); point++) {
            int truePositives = sweep.truePositives(point);
            int falseNegatives = positives - truePositives;
            int denominator = 2 * truePositives + sweep.falsePositives(point) + falseNegatives;
            double f1 = denominator == 0 ? 0 : 2.0 * truePositives / denominator;
            if (f1 > bestF1) {
                bestF1 = f1;
                bestThreshold = sweep.threshold(point);
            }
        }
        return bestThreshold;
    }

    /** The predictions with each predicted class set by {@code threshold}; probabilities unchanged. */
    public static PredictionSet applyThreshold(PredictionSet predictions, double threshold) {
        checkBinary(predictions, "the");
        List<Prediction> moved = new ArrayList<>(predictions.predictions().size());
        for (Prediction prediction : predictions.predictions()) {
            float[] probabilities = prediction.probabilities();
            int predicted = probabilities[ClassificationMetrics.POSITIVE_CLASS] >= threshold ? 1 : 0;
            moved.add(new Prediction(prediction.id(), prediction.gold(), predicted, probabilities));
        }
        return new PredictionSet(predictions.labels(), moved);
    }

    private static double f1(PredictionSet predictions, double threshold) {
        return positiveClassF1(applyThreshold(predictions, threshold), false);
    }

    private static double f1AtDefault(PredictionSet predictions) {
        return positiveClassF1(predictions, true);
    }

    // F1 through ConfusionMatrix and ClassScores, so the default matches ClassificationMetrics.f1 to the last bit
    private static double positiveClassF1(PredictionSet predictions, boolean argmax) {
        List<Prediction> list = predictions.predictions();
        int[] gold = new int[list.size()];
        int[] predicted = new int[list.size()];
        for (int i = 0; i < gold.length; i++) {
            gold[i] = list.get(i).gold();
            predicted[i] = argmax ? Argmax.of(list.get(i).probabilities()) : list.get(i).predicted();
        }
        ConfusionMatrix matrix = ConfusionMatrix.of(gold, predicted, 2);
        return ClassScores.of(matrix, predictions.labels()).get(ClassificationMetrics.POSITIVE_CLASS).f1();
    }

    private static double[] positiveScores(PredictionSet predictions) {
        return predictions.predictions().stream()
                .mapToDouble(p -> p.probabilities()[ClassificationMetrics.POSITIVE_CLASS])
                .toArray();
    }

    private static boolean[] goldPositive(PredictionSet predictions) {
        List<Prediction> list = predictions.predictions();
        boolean[] positive = new boolean[list.size()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = list.get(i).gold() == ClassificationMetrics.POSITIVE_CLASS;
        }
        return positive;
    }

    private static void checkBinary(PredictionSet predictions, String split) {
        Objects.requireNonNull(predictions, split);
        if (predictions.labels().size() != 2) {
            throw new IllegalArgumentException("a decision threshold needs a two-class model, but " + split
                    + " predictions have " + predictions.labels().size() + " labels " + predictions.labels());
        }
        if (predictions.predictions().isEmpty()) {
            throw new IllegalArgumentException("no " + split + " predictions to tune a threshold on");
        }
    }
}
