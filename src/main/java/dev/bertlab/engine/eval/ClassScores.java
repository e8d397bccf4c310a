package dev.bertlab.engine.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision, recall and F1 of one class against the rest, as scikit-learn's
 * {@code precision_recall_fscore_support(average=None)} with its default zero_division: a ratio whose
 * denominator is zero (class never predicted, class absent from gold) is 0.
 *
 * @param label     class name
 * @param precision true positives / examples predicted as this class
 * @param recall    true positives / examples of this class
 * @param f1        harmonic mean of precision and recall, 0 when both are 0
 * @param support   examples of this class in gold
 */
public record ClassScores(String label, double precision, double recall, double f1, int support) {

    /** One entry per class, in class order. */
    public static List<ClassScores> of(ConfusionMatrix matrix, List<String> labels) {
        if (labels.size() != matrix.classes()) {
            throw new IllegalArgumentException(labels.size() + " label names for a confusion matrix of "
                    + matrix.classes() + " classes");
        }
        List<ClassScores> scores = new ArrayList<>(labels.size());
        for (int c = 0; c < matrix.classes(); c++) {
            int truePositives = matrix.truePositives(c);
            double precision = ratioOrZero(truePositives, matrix.predictedCount(c));
            double recall = ratioOrZero(truePositives, matrix.support(c));
            scores.add(new ClassScores(labels.get(c), precision, recall, f1(precision, recall), matrix.support(c)));
        }
        return List.copyOf(scores);
    }

    private static double ratioOrZero(int numerator, int denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / denominator;
    }

    // the same expression (and so the same rounding) as scikit-learn's (1 + beta^2) P R / (beta^2 P + R)
    private static double f1(double precision, double recall) {
        double denominator = precision + recall;
        return denominator == 0.0 ? 0.0 : 2.0 * precision * recall / denominator;
    }
}
