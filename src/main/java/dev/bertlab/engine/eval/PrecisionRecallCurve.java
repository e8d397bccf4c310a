package dev.bertlab.engine.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Precision against recall of a score against a binary gold label, the curve of scikit-learn's
 * {@code precision_recall_curve}, listed from the highest threshold down as {@link RocCurve} is: first the point
 * where nothing is positive (recall 0, precision 1 by scikit-learn's convention), then one point per distinct
 * score (examples with tied scores enter together). Its summary is scikit-learn's {@code average_precision_score}:
 * precision weighted by each step in recall, without interpolation.
 *
 * @param precisions precision at each point: true positives / examples at or above the threshold
 * @param recalls    recall at each point, rising from 0 to 1
 * @param thresholds the score at or above which an example counts as positive, falling; the first is +infinity
 */
public record PrecisionRecallCurve(double[] precisions, double[] recalls, double[] thresholds) {

    public PrecisionRecallCurve {
        if (precisions.length != recalls.length || precisions.length != thresholds.length) {
            throw new IllegalArgumentException("a precision-recall curve needs as many precisions and recalls as"
                    + " thresholds, got " + precisions.length + ", " + recalls.length + " and " + thresholds.length);
        }
        precisions = precisions.clone();
        recalls = recalls.clone();
        thresholds = thresholds.clone();
    }

    /**
     * The one-vs-rest curve of class {@code positiveClass}: its probability as the score, its gold examples as the
     * positives; for two classes, class 1.
     *
     * @throws IllegalArgumentException on the input errors {@link ClassificationMetrics#compute} rejects, a class
     *                                  out of range, or no gold example of the class (recall is then undefined)
     */
    public static PrecisionRecallCurve ofClass(int[] gold, float[][] probabilities, List<String> labelNames,
                                               int positiveClass) {
        ClassifierOutputs outputs = ClassifierOutputs.of(gold, probabilities, labelNames);
        return compute(outputs.goldIs(positiveClass), outputs.scoresOf(positiveClass));
    }

    /**
     * The curve of {@code scores} (higher = more likely positive) against {@code positive}.
     *
     * @throws IllegalArgumentException if lengths differ, a score is NaN, or gold has no positive example
     */
    public static PrecisionRecallCurve compute(boolean[] positive, double[] scores) {
        ThresholdSweep.checkScores(positive, scores);
        ThresholdSweep sweep = ThresholdSweep.of(positive, scores);
        int positives = sweep.positives();
        if (positives == 0) {
            throw new IllegalArgumentException("a precision-recall curve needs at least one positive gold example,"
                    + " got none among " + scores.length);
        }
        // nothing positive first, then one point per distinct score
        double[] precisions = new double[sweep.size() + 1];
        double[] recalls = new double[sweep.size() + 1];
        double[] thresholds = new double[sweep.size() + 1];
        precisions[0] = 1;
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int point = 0; point < sweep.size(); point++) {
            precisions[point + 1] = (double) sweep.truePositives(point) / sweep.predictedPositives(point);
            recalls[point + 1] = (double) sweep.truePositives(point) / positives;
            thresholds[point + 1] = sweep.threshold(point);
        }
        return new PrecisionRecallCurve(precisions, recalls, thresholds);
    }

    /**
     * Average precision: sum over points of (recall - previous recall) * precision, scikit-learn's
     * {@code average_precision_score}. Unlike the trapezoidal area it never interpolates linearly between points,
     * which would be optimistic for a precision-recall curve.
     */
    public double averagePrecision() {
        double sum = 0;
        for (int i = 1; i < recalls.length; i++) {
            sum += (recalls[i] - recalls[i - 1]) * precisions[i];
        }
        return sum;
    }

    /** Number of points, the recall-0 start included. */
    public int size() {
        return thresholds.length;
    }

    @Override
    public double[] precisions() {
        return precisions.clone();
    }

    @Override
    public double[] recalls() {
        return recalls.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PrecisionRecallCurve that
                && Arrays.equals(precisions, that.precisions)
                && Arrays.equals(recalls, that.recalls)
                && Arrays.equals(thresholds, that.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(precisions) + Arrays.hashCode(recalls)) + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "PrecisionRecallCurve[" + size() + " points, average precision " + averagePrecision() + "]";
    }
}
