package dev.bertlab.engine.eval;

import java.util.Arrays;
import java.util.List;

/**
 * Receiver operating characteristic of a score against a binary gold label, as scikit-learn's
 * {@code roc_curve(drop_intermediate=False)}: one point per distinct score (examples with tied scores enter
 * together), plus the origin. Its area is scikit-learn's {@code roc_auc_score}: trapezoids between the points,
 * so a tie counts as half a correct ordering.
 *
 * @param falsePositiveRates x of each point, rising from 0 to 1
 * @param truePositiveRates  y of each point, rising from 0 to 1
 * @param thresholds         the score at or above which an example counts as positive at that point, falling;
 *                           the first is +infinity (nothing positive; scikit-learn 1.2 writes max + 1 there)
 */
public record RocCurve(double[] falsePositiveRates, double[] truePositiveRates, double[] thresholds) {

    public RocCurve {
        if (falsePositiveRates.length != truePositiveRates.length
                || falsePositiveRates.length != thresholds.length) {
            throw new IllegalArgumentException("a ROC curve needs as many rates as thresholds, got "
                    + falsePositiveRates.length + ", " + truePositiveRates.length + " and " + thresholds.length);
        }
        falsePositiveRates = falsePositiveRates.clone();
        truePositiveRates = truePositiveRates.clone();
        thresholds = thresholds.clone();
    }

    /**
     * The one-vs-rest curve of class {@code positiveClass}: its probability as the score, its gold examples as
     * the positives. For two classes, class 1's curve is the one whose area {@link ClassificationMetrics#rocAuc()}
     * reports.
     *
     * @throws IllegalArgumentException on the input errors {@link ClassificationMetrics#compute} rejects, a class
     *                                  out of range, or a gold that holds the class for all or none of the examples
     */
    public static RocCurve ofClass(int[] gold, float[][] probabilities, List<String> labelNames, int positiveClass) {
        return ofClass(ClassifierOutputs.of(gold, probabilities, labelNames), positiveClass);
    }

    static RocCurve ofClass(ClassifierOutputs outputs, int positiveClass) {
        return compute(outputs.goldIs(positiveClass), outputs.scoresOf(positiveClass));
    }

    /**
     * The curve of {@code scores} (higher = more likely positive) against {@code positive}.
     *
     * @throws IllegalArgumentException if lengths differ, a score is NaN, or gold holds only one class (the
     *                                  curve is then undefined, as scikit-learn's ROC-AUC)
     */
    public static RocCurve compute(boolean[] positive, double[] scores) {
        ThresholdSweep.checkScores(positive, scores);
        ThresholdSweep sweep = ThresholdSweep.of(positive, scores);
        int positives = sweep.positives();
        int negatives = sweep.negatives();
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("a ROC curve needs both positive and negative gold examples, got "
                    + positives + " positive and " + negatives + " negative");
        }
        // the origin, then one point per distinct score
        double[] fpr = new double[sweep.size() + 1];
        double[] tpr = new double[sweep.size() + 1];
        double[] thresholds = new double[sweep.size() + 1];
        thresholds[0] = Double.POSITIVE_INFINITY;
        for (int point = 0; point < sweep.size(); point++) {
            fpr[point + 1] = (double) sweep.falsePositives(point) / negatives;
            tpr[point + 1] = (double) sweep.truePositives(point) / positives;
            thresholds[point + 1] = sweep.threshold(point);
        }
        return new RocCurve(fpr, tpr, thresholds);
    }

    /** Area under the curve by the trapezoidal rule: the ROC-AUC. */
    public double area() {
        double area = 0;
        for (int i = 1; i < falsePositiveRates.length; i++) {
            area += (falsePositiveRates[i] - falsePositiveRates[i - 1])
                    * (truePositiveRates[i] + truePositiveRates[i - 1]) / 2.0;
        }
        return area;
    }

    /** Number of points, the origin included. */
    public int size() {
        return thresholds.length;
    }

    @Override
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    @Override
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RocCurve that
                && Arrays.equals(falsePositiveRates, that.falsePositiveRates)
                && Arrays.equals(truePositiveRates, that.truePositiveRates)
                && Arrays.equals(thresholds, that.thresholds);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(falsePositiveRates) + Arrays.hashCode(truePositiveRates))
                + Arrays.hashCode(thresholds);
    }

    @Override
    public String toString() {
        return "RocCurve[" + size() + " points, area " + area() + "]";
    }
}
