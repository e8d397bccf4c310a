package dev.bertlab.engine.calibration;

import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Accuracy against confidence in equal-width bins (Guo et al., "On Calibration of Modern Neural Networks",
 * 2017). The confidence of an example is the probability of its predicted class.
 *
 * @param examples                 examples binned
 * @param bins                     the bins from confidence 0 to 1, empty ones included
 * @param expectedCalibrationError ECE: sum over bins of count / examples * |accuracy - mean confidence|
 * @param maximumCalibrationError  MCE: the largest |accuracy - mean confidence| of a non-empty bin
 */
public record ReliabilityDiagram(int examples, List<ReliabilityBin> bins, double expectedCalibrationError,
                                 double maximumCalibrationError) {

    public static final int DEFAULT_BINS = 10;

    public ReliabilityDiagram {
        bins = List.copyOf(bins);
    }

    /** {@value #DEFAULT_BINS} bins of the predictions' confidences. */
    public static ReliabilityDiagram of(PredictionSet predictions) {
        return of(predictions, DEFAULT_BINS);
    }

    public static ReliabilityDiagram of(PredictionSet predictions, int binCount) {
        Objects.requireNonNull(predictions, "predictions");
        List<Prediction> list = predictions.predictions();
        double[] confidences = new double[list.size()];
        boolean[] correct = new boolean[list.size()];
        for (int i = 0; i < confidences.length; i++) {
            confidences[i] = list.get(i).confidence();
            correct[i] = list.get(i).correct();
        }
        return of(confidences, correct, binCount);
    }

    /**
     * @param confidences probability of each example's predicted class, in [0, 1]
     * @param correct     whether each example's prediction is right
     * @param binCount    number of equal-width bins, at least 1
     * @throws IllegalArgumentException if there are no examples, lengths differ, a confidence is outside [0, 1]
     *                                  or NaN, or {@code binCount} is below 1
     */
    public static ReliabilityDiagram of(double[] confidences, boolean[] correct, int binCount) {
        if (binCount < 1) {
            throw new IllegalArgumentException("a reliability diagram needs at least 1 bin, got " + binCount);
        }
        if (confidences.length != correct.length) {
            throw new IllegalArgumentException(confidences.length + " confidences but " + correct.length
                    + " correctness flags: give one of each per example");
        }
        if (confidences.length == 0) {
            throw new IllegalArgumentException("no examples to draw a reliability diagram of");
        }
        int[] counts = new int[binCount];
        int[] rights = new int[binCount];
        double[] confidenceSums = new double[binCount];
        for (int i = 0; i < confidences.length; i++) {
            double confidence = confidences[i];
            if (!(confidence >= 0 && confidence <= 1)) {
                throw new IllegalArgumentException("confidence of example " + i + " is " + confidence
                        + "; it must be a probability in [0, 1]");
            }
            int bin = binOf(confidence, binCount);
            counts[bin]++;
            rights[bin] += correct[i] ? 1 : 0;
            confidenceSums[bin] += confidence;
        }
        List<ReliabilityBin> bins = new ArrayList<>(binCount);
        double expected = 0;
        double maximum = 0;
        for (int b = 0; b < binCount; b++) {
            ReliabilityBin bin = counts[b] == 0
                    ? new ReliabilityBin(edge(b, binCount), edge(b + 1, binCount), 0, null, null)
                    : new ReliabilityBin(edge(b, binCount), edge(b + 1, binCount), counts[b],
                            confidenceSums[b] / counts[b], (double) rights[b] / counts[b]);
            bins.add(bin);
            expected += (double) bin.count() / confidences.length * bin.gap();
            maximum = Math.max(maximum, bin.gap());
        }
        return new ReliabilityDiagram(confidences.length, bins, expected, maximum);
    }

    /**
     * The bin whose (lower, upper] holds {@code confidence}, as scikit-learn's {@code calibration_curve}
     * (a confidence on an edge belongs to the bin below it). The edges are compared as computed, k / bins,
     * rather than trusting {@code confidence * bins}, whose rounding can cross an edge (0.7 * 10 = 7.000000000000001).
     */
    static int binOf(double confidence, int binCount) {
        int bin = Math.min(Math.max((int) Math.ceil(confidence * binCount) - 1, 0), binCount - 1);
        while (bin > 0 && confidence <= edge(bin, binCount)) {
            bin--;
        }
        while (bin < binCount - 1 && confidence > edge(bin + 1, binCount)) {
            bin++;
        }
        return bin;
    }

    private static double edge(int k, int binCount) {
        return (double) k / binCount;
    }
}
