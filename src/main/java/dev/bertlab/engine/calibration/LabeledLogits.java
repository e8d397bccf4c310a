package dev.bertlab.engine.calibration;

import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A classifier's logits on one split with the gold classes, and what softmax makes of them at a temperature:
 * p = softmax(logits / T).
 *
 * @param logits one row of class scores per example, all rows as wide, at least 2 classes
 * @param gold   gold class per example
 */
public record LabeledLogits(double[][] logits, int[] gold) {

    /**
     * Probabilities are clipped here before their log is taken, so that a probability of 0 becomes a very
     * negative but finite logit (the same eps as the log loss of {@code eval}).
     */
    static final double PROBABILITY_FLOOR = 1e-15;

    public LabeledLogits {
        Objects.requireNonNull(logits, "logits");
        Objects.requireNonNull(gold, "gold");
        if (logits.length != gold.length) {
            throw new IllegalArgumentException(logits.length + " logit rows but " + gold.length
                    + " gold labels: give one row per example");
        }
        if (logits.length == 0) {
            throw new IllegalArgumentException("no examples: logits and gold are empty");
        }
        int classes = logits[0] == null ? 0 : logits[0].length;
        if (classes < 2) {
            throw new IllegalArgumentException("logit rows need at least 2 classes, got " + classes);
        }
        double[][] copy = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] == null || logits[i].length != classes) {
                throw new IllegalArgumentException("logit row " + i + " has "
                        + (logits[i] == null ? 0 : logits[i].length) + " values, expected " + classes);
            }
            for (double value : logits[i]) {
                if (!Double.isFinite(value)) {
                    throw new IllegalArgumentException("logit row " + i + " holds " + value
                            + "; logits must be finite");
                }
            }
            if (gold[i] < 0 || gold[i] >= classes) {
                throw new IllegalArgumentException("gold class of example " + i + " is " + gold[i] + ", outside 0.."
                        + (classes - 1));
            }
            copy[i] = logits[i].clone();
        }
        logits = copy;
        gold = gold.clone();
    }

    /** Logits as the model returns them (DJL's float arrays), widened to double. */
    public static LabeledLogits of(float[][] logits, int[] gold) {
        Objects.requireNonNull(logits, "logits");
        double[][] widened = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            if (logits[i] != null) {
                widened[i] = new double[logits[i].length];
                for (int c = 0; c < logits[i].length; c++) {
                    widened[i][c] = logits[i][c];
                }
            }
        }
        return new LabeledLogits(widened, gold);
    }

    /**
     * Logits recovered from probabilities: log p. Softmax(log p) = p, and log p differs from the model's real
     * logits only by a constant per row (the log of the softmax normaliser), which softmax cancels at any
     * temperature, so temperature scaling fits the same T on either.
     */
    public static LabeledLogits fromProbabilities(PredictionSet predictions) {
        List<Prediction> list = predictions.predictions();
        double[][] logits = new double[list.size()][];
        int[] gold = new int[list.size()];
        for (int i = 0; i < logits.length; i++) {
            float[] probabilities = list.get(i).probabilities();
            logits[i] = new double[probabilities.length];
            for (int c = 0; c < probabilities.length; c++) {
                logits[i][c] = Math.log(Math.max(probabilities[c], PROBABILITY_FLOOR));
            }
            gold[i] = list.get(i).gold();
        }
        return new LabeledLogits(logits, gold);
    }

    public int examples() {
        return gold.length;
    }

    public int classes() {
        return logits[0].length;
    }

    /**
     * Mean negative log-likelihood of the gold classes under softmax(logits / T), computed from log-sum-exp so
     * that confident rows neither overflow nor round to log 0.
     */
    public double negativeLogLikelihood(double temperature) {
        checkTemperature(temperature);
        double total = 0;
        for (int i = 0; i < gold.length; i++) {
            total += logSumExp(logits[i], temperature) - logits[i][gold[i]] / temperature;
        }
        return total / gold.length;
    }

    /** softmax(logits / T), one probability row per example. */
    public double[][] probabilities(double temperature) {
        checkTemperature(temperature);
        double[][] probabilities = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = softmax(logits[i], temperature);
        }
        return probabilities;
    }

    /** Reliability of the argmax predictions (ties to the lowest class) at temperature T. */
    public ReliabilityDiagram reliability(double temperature, int bins) {
        double[][] probabilities = probabilities(temperature);
        double[] confidences = new double[gold.length];
        boolean[] correct = new boolean[gold.length];
        for (int i = 0; i < gold.length; i++) {
            int predicted = argmax(probabilities[i]);
            confidences[i] = probabilities[i][predicted];
            correct[i] = predicted == gold[i];
        }
        return ReliabilityDiagram.of(confidences, correct, bins);
    }

    static double[] softmax(double[] row, double temperature) {
        double max = max(row);
        double[] exp = new double[row.length];
        double sum = 0;
        for (int c = 0; c < row.length; c++) {
            exp[c] = Math.exp((row[c] - max) / temperature);
            sum += exp[c];
        }
        for (int c = 0; c < row.length; c++) {
            exp[c] /= sum;
        }
        return exp;
    }

    private static double logSumExp(double[] row, double temperature) {
        double max = max(row) / temperature;
        double sum = 0;
        for (double value : row) {
            sum += Math.exp(value / temperature - max);
        }
        return max + Math.log(sum);
    }

    private static double max(double[] row) {
        double max = row[0];
        for (double value : row) {
            max = Math.max(max, value);
        }
        return max;
    }

    private static int argmax(double[] row) {
        int best = 0;
        for (int c = 1; c < row.length; c++) {
            if (row[c] > row[best]) {
                best = c;
            }
        }
        return best;
    }

    private static void checkTemperature(double temperature) {
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be positive and finite, got " + temperature);
        }
    }

    @Override
    public double[][] logits() {
        double[][] copy = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            copy[i] = logits[i].clone();
        }
        return copy;
    }

    @Override
    public int[] gold() {
        return gold.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LabeledLogits that && Arrays.deepEquals(logits, that.logits)
                && Arrays.equals(gold, that.gold);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.deepHashCode(logits) + Arrays.hashCode(gold);
    }

    @Override
    public String toString() {
        return "LabeledLogits[" + examples() + " examples, " + classes() + " classes]";
    }
}
