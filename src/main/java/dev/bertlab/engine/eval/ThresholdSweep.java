package dev.bertlab.engine.eval;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * A score swept as a decision threshold from the top down, the walk that {@link RocCurve},
 * {@link PrecisionRecallCurve} and {@link ThresholdTuning} all take: scores sorted descending, examples with tied
 * scores entering together, and at each distinct score (the threshold: an example is positive at or above it) the
 * cumulative count of examples called positive and of those that are positive in gold. The point where nothing is
 * positive (threshold +infinity) is not among them; each caller adds it as it needs.
 */
final class ThresholdSweep {

    private final int positives;
    private final double[] thresholds;
    private final int[] truePositives;
    private final int[] predictedPositives;

    private ThresholdSweep(int positives, double[] thresholds, int[] truePositives, int[] predictedPositives) {
        this.positives = positives;
        this.thresholds = thresholds;
        this.truePositives = truePositives;
        this.predictedPositives = predictedPositives;
    }

    /**
     * The sweep of {@code scores} (higher = more likely positive) against {@code positive}, which must be as long.
     * Scores are not checked here: {@link #checkScores} rejects what a curve cannot take.
     */
    static ThresholdSweep of(boolean[] positive, double[] scores) {
        int positives = 0;
        for (boolean p : positive) {
            positives += p ? 1 : 0;
        }
        // a stable sort: examples with equal scores keep their order
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).reversed());

        double[] thresholds = new double[scores.length];
        int[] truePositives = new int[scores.length];
        int[] predictedPositives = new int[scores.length];
        int points = 0;
        int truePositive = 0;
        for (int rank = 0; rank < order.length; rank++) {
            int example = order[rank];
            truePositive += positive[example] ? 1 : 0;
            boolean lastOfTie = rank == order.length - 1 || scores[order[rank + 1]] != scores[example];
            if (lastOfTie) {
                thresholds[points] = scores[example];
                truePositives[points] = truePositive;
                predictedPositives[points] = rank + 1;
                points++;
            }
        }
        return new ThresholdSweep(positives, Arrays.copyOf(thresholds, points), Arrays.copyOf(truePositives, points),
                Arrays.copyOf(predictedPositives, points));
    }

    /**
     * Rejects gold and scores of different lengths and NaN scores, with the wording both curves use.
     *
     * @throws IllegalArgumentException if lengths differ or a score is NaN
     */
    static void checkScores(boolean[] positive, double[] scores) {
        if (positive.length != scores.length) {
            throw new IllegalArgumentException("gold has " + positive.length + " labels but there are "
                    + scores.length + " scores");
        }
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) {
                throw new IllegalArgumentException("score of example " + i + " is NaN");
            }
        }
    }

    /** Positive gold examples. */
    int positives() {
        return positives;
    }

    /** Negative gold examples. */
    int negatives() {
        return examples() - positives;
    }

    /** All examples. */
    int examples() {
        return predictedPositives.length == 0 ? 0 : predictedPositives[predictedPositives.length - 1];
    }

    /** Distinct scores, i.e. thresholds swept. */
    int size() {
        return thresholds.length;
    }

    /** The {@code point}-th distinct score, falling with {@code point}. */
    double threshold(int point) {
        return thresholds[point];
    }

    /** Examples at or above the threshold of {@code point}. */
    int predictedPositives(int point) {
        return predictedPositives[point];
    }

    /** Positive gold examples at or above the threshold of {@code point}. */
    int truePositives(int point) {
        return truePositives[point];
    }

    /** Negative gold examples at or above the threshold of {@code point}. */
    int falsePositives(int point) {
        return predictedPositives[point] - truePositives[point];
    }
}
