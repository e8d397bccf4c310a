package dev.bertlab.engine.eval;

import java.util.List;

/**
 * Precision, recall and F1 averaged over classes, as scikit-learn's {@code average="macro"} and
 * {@code average="weighted"}: the F1 is the average of the per-class F1 scores, not the F1 of the averages.
 *
 * @param precision averaged precision
 * @param recall    averaged recall
 * @param f1        averaged F1
 */
public record AveragedScores(double precision, double recall, double f1) {

    /** Unweighted mean over all classes, including classes that never occur. */
    public static AveragedScores macro(List<ClassScores> perClass) {
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        for (ClassScores scores : perClass) {
            precision += scores.precision();
            recall += scores.recall();
            f1 += scores.f1();
        }
        int n = perClass.size();
        return new AveragedScores(precision / n, recall / n, f1 / n);
    }

    /** Mean weighted by each class's support; 0 when no class has support (scikit-learn's zero_division). */
    public static AveragedScores weighted(List<ClassScores> perClass) {
        double precision = 0;
        double recall = 0;
        double f1 = 0;
        long support = 0;
        for (ClassScores scores : perClass) {
            precision += scores.precision() * scores.support();
            recall += scores.recall() * scores.support();
            f1 += scores.f1() * scores.support();
            support += scores.support();
        }
        if (support == 0) {
            return new AveragedScores(0, 0, 0);
        }
        return new AveragedScores(precision / support, recall / support, f1 / support);
    }
}
