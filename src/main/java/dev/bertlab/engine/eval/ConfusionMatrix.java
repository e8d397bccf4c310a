package dev.bertlab.engine.eval;

import java.util.Arrays;

/**
 * Counts of (gold, predicted) pairs: {@code counts[gold][predicted]}, every class in both dimensions even when
 * it never occurs, as scikit-learn's {@code confusion_matrix} with explicit labels.
 *
 * @param counts square matrix, rows = gold class, columns = predicted class
 */
public record ConfusionMatrix(int[][] counts) {

    public ConfusionMatrix {
        if (counts == null || counts.length == 0) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        int[][] copy = new int[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            if (counts[row] == null || counts[row].length != counts.length) {
                throw new IllegalArgumentException("confusion matrix row " + row + " has "
                        + (counts[row] == null ? 0 : counts[row].length) + " columns, expected " + counts.length
                        + " (the matrix must be square)");
            }
            for (int count : counts[row]) {
                if (count < 0) {
                    throw new IllegalArgumentException("confusion matrix row " + row + " holds a negative count");
                }
            }
            copy[row] = counts[row].clone();
        }
        counts = copy;
    }

    /** Tallies gold against predicted classes; both arrays hold class indices below {@code classes}. */
    public static ConfusionMatrix of(int[] gold, int[] predicted, int classes) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold has " + gold.length + " labels but predicted has "
                    + predicted.length);
        }
        int[][] counts = new int[classes][classes];
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] < 0 || gold[i] >= classes || predicted[i] < 0 || predicted[i] >= classes) {
                throw new IllegalArgumentException("example " + i + " has gold " + gold[i] + " and predicted "
                        + predicted[i] + ", outside 0.." + (classes - 1));
            }
            counts[gold[i]][predicted[i]]++;
        }
        return new ConfusionMatrix(counts);
    }

    /** A copy: the record stays immutable. */
    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            copy[row] = counts[row].clone();
        }
        return copy;
    }

    public int classes() {
        return counts.length;
    }

    public int count(int gold, int predicted) {
        return counts[gold][predicted];
    }

    public int total() {
        int total = 0;
        for (int[] row : counts) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }

    /** Examples on the diagonal. */
    public int correct() {
        int correct = 0;
        for (int c = 0; c < counts.length; c++) {
            correct += counts[c][c];
        }
        return correct;
    }

    public int truePositives(int c) {
        return counts[c][c];
    }

    /** Examples whose gold class is {@code c} (the row sum). */
    public int support(int c) {
        int support = 0;
        for (int count : counts[c]) {
            support += count;
        }
        return support;
    }

    /** Examples predicted as {@code c} (the column sum). */
    public int predictedCount(int c) {
        int predicted = 0;
        for (int[] row : counts) {
            predicted += row[c];
        }
        return predicted;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConfusionMatrix that && Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.deepHashCode(counts);
    }

    @Override
    public String toString() {
        return "ConfusionMatrix" + Arrays.deepToString(counts);
    }
}
