package dev.bertlab.engine.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

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
        if (positiveClass < 0 || positiveClass >= outputs.classes()) {
            throw new IllegalArgumentException("class " + positiveClass + " is outside 0.." + (outputs.classes() - 1)
                    + " for the labels " + outputs.labels());
        }
        boolean[] positive = new boolean[outputs.examples()];
        double[] scores = new double[outputs.examples()];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = outputs.gold()[i] == positiveClass;
            scores[i] = outputs.probabilities()[i][positiveClass];
        }
        return compute(positive, scores);
    }

    /**
     * The curve of {@code scores} (higher = more likely positive) against {@code positive}.
     *
     * @throws IllegalArgumentException if lengths differ, a score is NaN, or gold has no positive example
     */
    public static PrecisionRecallCurve compute(boolean[] positive, double[] scores) {
        if (positive.length != scores.length) {
            throw new IllegalArgumentException("gold has " + positive.length + " labels but there are "
                    + scores.length + " scores");
        }
        int positives = 0;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score of example " + i + " is NaN");
            }
            positives += positive[i] ? 1 : 0;
        }
        if (positives == 0) {
            throw new IllegalArgumentException("a precision-recall curve needs at least one positive gold example,"
                    + " got none among " + scores.length);
        }
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        double[] precisions = new double[scores.length + 1];
        double[] recalls = new double[scores.length + 1];
        double[] thresholds = new double[scores.length + 1];
        precisions[0] = 1;
        thresholds[0] = Double.POSITIVE_INFINITY;
        int points = 1;
        int truePositives = 0;
        for (int rank = 0; rank < order.length; rank++) {
            int example = order[rank];
            truePositives += positive[example] ? 1 : 0;
            boolean lastOfTie = rank == order.length - 1 || scores[order[rank + 1]] != scores[example];
            if (lastOfTie) {
                precisions[points] = (double) truePositives / (rank + 1);
                recalls[points] = (double) truePositives / positives;
                thresholds[points] = scores[example];
                points++;
            }
        }
        return new PrecisionRecallCurve(Arrays.copyOf(precisions, points), Arrays.copyOf(recalls, points),
                Arrays.copyOf(thresholds, points));
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
