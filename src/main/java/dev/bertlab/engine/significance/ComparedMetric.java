package dev.bertlab.engine.significance;

import dev.bertlab.engine.eval.AveragedScores;
import dev.bertlab.engine.eval.ClassScores;
import dev.bertlab.engine.eval.ClassificationMetrics;
import dev.bertlab.engine.eval.ConfusionMatrix;
import java.util.List;

/**
 * A score two runs are compared on, defined exactly as {@link ClassificationMetrics} reports it so that the
 * point difference matches the difference of the runs' metrics pages.
 */
public enum ComparedMetric {

    /** Fraction of examples predicted correctly. */
    ACCURACY,

    /** F1 of the positive class (class 1) for two labels, macro F1 for more. */
    F1;

    /** The score of one confusion matrix; {@code labels} are the matrix's class names. */
    public double score(ConfusionMatrix matrix, List<String> labels) {
        if (this == ACCURACY) {
            return (double) matrix.correct() / matrix.total();
        }
        List<ClassScores> perClass = ClassScores.of(matrix, labels);
        return labels.size() == 2
                ? perClass.get(ClassificationMetrics.POSITIVE_CLASS).f1()
                : AveragedScores.macro(perClass).f1();
    }

    /** How a sentence names the score: "accuracy", "F1" or "macro F1". */
    public String displayName(int classes) {
        if (this == ACCURACY) {
            return "accuracy";
        }
        return classes == 2 ? "F1" : "macro F1";
    }
}
