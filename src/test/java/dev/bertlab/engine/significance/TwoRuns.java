package dev.bertlab.engine.significance;

import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Fixtures: two runs' predictions on one test set, built from gold and predicted classes. */
final class TwoRuns {

    static final List<String> BINARY = List.of("neg", "pos");
    static final List<String> THREE = List.of("a", "b", "c");

    private TwoRuns() {
    }

    /** Ids "ex0", "ex1", ...; the probability row puts 0.9 on the predicted class. */
    static PredictionSet run(List<String> labels, int[] gold, int[] predicted) {
        List<Prediction> predictions = new ArrayList<>();
        for (int i = 0; i < gold.length; i++) {
            predictions.add(new Prediction("ex" + i, gold[i], predicted[i], row(labels.size(), predicted[i])));
        }
        return new PredictionSet(labels, predictions);
    }

    static PredictionSet shuffled(PredictionSet set, long seed) {
        List<Prediction> predictions = new ArrayList<>(set.predictions());
        Collections.shuffle(predictions, new Random(seed));
        return new PredictionSet(set.labels(), predictions);
    }

    /**
     * A binary test set of 1000 examples, as counts of (gold, A's prediction, B's prediction):
     * <pre>
     *   400 gold pos, A pos, B pos    both right
     *   400 gold neg, A neg, B neg    both right
     *    30 gold pos, A pos, B neg    only A right (b)
     *    70 gold pos, A neg, B pos    only B right (c)
     *   100 gold neg, A pos, B pos    both wrong
     * </pre>
     * A: 830 right, TP 430, FN 70, FP 100; B: 870 right, TP 470, FN 30, FP 100.
     */
    static PredictionSet[] thousandExamples() {
        int[][] blocks = {{400, 1, 1, 1}, {400, 0, 0, 0}, {30, 1, 1, 0}, {70, 1, 0, 1}, {100, 0, 1, 1}};
        return expand(blocks, BINARY);
    }

    /** Blocks of {count, gold, predicted by A, predicted by B}, in order. */
    static PredictionSet[] expand(int[][] blocks, List<String> labels) {
        int n = 0;
        for (int[] block : blocks) {
            n += block[0];
        }
        int[] gold = new int[n];
        int[] a = new int[n];
        int[] b = new int[n];
        int i = 0;
        for (int[] block : blocks) {
            for (int k = 0; k < block[0]; k++, i++) {
                gold[i] = block[1];
                a[i] = block[2];
                b[i] = block[3];
            }
        }
        return new PredictionSet[] {run(labels, gold, a), run(labels, gold, b)};
    }

    private static float[] row(int classes, int predicted) {
        float[] row = new float[classes];
        for (int c = 0; c < classes; c++) {
            row[c] = c == predicted ? 0.9f : 0.1f / (classes - 1);
        }
        return row;
    }
}
