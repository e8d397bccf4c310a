package dev.bertlab.engine.eval;

import java.util.List;
import java.util.Objects;

/**
 * A classifier's outputs on one split, checked once so that every metric can trust them: one gold label and
 * one probability row per example, rows as wide as the label list, no NaN.
 *
 * @param gold          gold class index per example
 * @param probabilities probability rows widened to double, so every metric computes in double precision
 * @param predicted     argmax of each row
 * @param labels        class names, index = class
 */
record ClassifierOutputs(int[] gold, double[][] probabilities, int[] predicted, List<String> labels) {

    static ClassifierOutputs of(int[] gold, float[][] probabilities, List<String> labelNames) {
        Objects.requireNonNull(gold, "gold");
        Objects.requireNonNull(probabilities, "probabilities");
        List<String> labels = LabelNames.check(labelNames);
        if (gold.length != probabilities.length) {
            throw new IllegalArgumentException("gold has " + gold.length + " labels but probabilities has "
                    + probabilities.length + " rows: give one probability row per example");
        }
        if (gold.length == 0) {
            throw new IllegalArgumentException("no examples to evaluate: gold and probabilities are empty");
        }
        double[][] widened = new double[probabilities.length][];
        int[] predicted = new int[probabilities.length];
        for (int example = 0; example < gold.length; example++) {
            checkGold(gold[example], example, labels);
            widened[example] = checkRow(probabilities[example], example, labels);
            predicted[example] = Argmax.of(probabilities[example]);
        }
        return new ClassifierOutputs(gold.clone(), widened, predicted, labels);
    }

    int examples() {
        return gold.length;
    }

    int classes() {
        return labels.size();
    }

    /**
     * Whether each example's gold is {@code positiveClass}: the positives of that class's one-vs-rest curve.
     *
     * @throws IllegalArgumentException if the class is out of range
     */
    boolean[] goldIs(int positiveClass) {
        checkClass(positiveClass);
        boolean[] positive = new boolean[gold.length];
        for (int i = 0; i < positive.length; i++) {
            positive[i] = gold[i] == positiveClass;
        }
        return positive;
    }

    /**
     * Each example's probability of {@code positiveClass}: the score of that class's one-vs-rest curve.
     *
     * @throws IllegalArgumentException if the class is out of range
     */
    double[] scoresOf(int positiveClass) {
        checkClass(positiveClass);
        double[] scores = new double[gold.length];
        for (int i = 0; i < scores.length; i++) {
            scores[i] = probabilities[i][positiveClass];
        }
        return scores;
    }

    private void checkClass(int positiveClass) {
        if (positiveClass < 0 || positiveClass >= classes()) {
            throw new IllegalArgumentException("class " + positiveClass + " is outside 0.." + (classes() - 1)
                    + " for the labels " + labels);
        }
    }

    private static void checkGold(int label, int example, List<String> labels) {
        if (label < 0 || label >= labels.size()) {
            throw new IllegalArgumentException("gold label of example " + example + " is " + label
                    + ", outside 0.." + (labels.size() - 1) + " for the labels " + labels);
        }
    }

    private static double[] checkRow(float[] row, int example, List<String> labels) {
        if (row == null || row.length != labels.size()) {
            throw new IllegalArgumentException("probability row of example " + example + " has "
                    + (row == null ? "no values" : row.length + " values") + ", expected " + labels.size()
                    + " (one per label " + labels + ")");
        }
        double[] widened = new double[row.length];
        for (int i = 0; i < row.length; i++) {
            float p = row[i];
            if (Float.isNaN(p) || Float.isInfinite(p) || p < 0) {
                throw new IllegalArgumentException("probability of '" + labels.get(i) + "' for example " + example
                        + " is " + p + "; probabilities must be finite and not negative");
            }
            widened[i] = p;
        }
        return widened;
    }
}
