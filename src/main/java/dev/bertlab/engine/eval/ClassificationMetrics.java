package dev.bertlab.engine.eval;

import java.util.List;
import java.util.Objects;

/**
 * A classifier's scores on one split, each as scikit-learn defines it (zero_division 0 where a ratio is
 * undefined). The prediction is the argmax of each probability row, ties to the lowest index.
 *
 * @param examples          examples evaluated
 * @param labels            class names, index = class
 * @param accuracy          fraction of examples predicted correctly
 * @param precision         precision of class 1 (the positive class); null unless there are exactly 2 classes
 * @param recall            recall of class 1; null unless there are exactly 2 classes
 * @param f1                F1 of class 1; null unless there are exactly 2 classes
 * @param precisionMacro    unweighted mean of the per-class precisions
 * @param recallMacro       unweighted mean of the per-class recalls
 * @param f1Macro           unweighted mean of the per-class F1 scores
 * @param precisionWeighted per-class precisions weighted by support
 * @param recallWeighted    per-class recalls weighted by support
 * @param f1Weighted        per-class F1 scores weighted by support
 * @param logLoss           mean negative log-likelihood of the gold class, probabilities clipped to
 *                          [1e-15, 1 - 1e-15] (scikit-learn 1.2's default eps)
 * @param rocAuc            area under the ROC curve of class 1's probability; null unless there are exactly 2
 *                          classes and both occur in gold
 * @param confusionMatrix   rows = gold, columns = predicted, all classes
 * @param perClass          precision, recall, F1 and support per class, in class order
 */
public record ClassificationMetrics(
        int examples,
        List<String> labels,
        double accuracy,
        Double precision,
        Double recall,
        Double f1,
        double precisionMacro,
        double recallMacro,
        double f1Macro,
        double precisionWeighted,
        double recallWeighted,
        double f1Weighted,
        double logLoss,
        Double rocAuc,
        ConfusionMatrix confusionMatrix,
        List<ClassScores> perClass) {

    /** The class whose precision, recall, F1 and ROC-AUC are reported in a two-class problem. */
    public static final int POSITIVE_CLASS = 1;

    public ClassificationMetrics {
        labels = List.copyOf(labels);
        perClass = List.copyOf(perClass);
        Objects.requireNonNull(confusionMatrix, "confusionMatrix");
    }

    /**
     * Scores the probabilities of one split.
     *
     * @param gold          gold class index per example
     * @param probabilities one row of class probabilities per example, as wide as {@code labelNames}
     * @param labelNames    class names, index = class; at least 2
     * @throws IllegalArgumentException on empty input, differing lengths, a row of the wrong width, a NaN,
     *                                  infinite or negative probability, or a gold label out of range
     */
    public static ClassificationMetrics compute(int[] gold, float[][] probabilities, List<String> labelNames) {
        ClassifierOutputs outputs = ClassifierOutputs.of(gold, probabilities, labelNames);
        ConfusionMatrix matrix = ConfusionMatrix.of(outputs.gold(), outputs.predicted(), outputs.classes());
        List<ClassScores> perClass = ClassScores.of(matrix, outputs.labels());
        AveragedScores macro = AveragedScores.macro(perClass);
        AveragedScores weighted = AveragedScores.weighted(perClass);
        ClassScores positive = outputs.classes() == 2 ? perClass.get(POSITIVE_CLASS) : null;
        return new ClassificationMetrics(
                outputs.examples(),
                outputs.labels(),
                (double) matrix.correct() / matrix.total(),
                positive == null ? null : positive.precision(),
                positive == null ? null : positive.recall(),
                positive == null ? null : positive.f1(),
                macro.precision(),
                macro.recall(),
                macro.f1(),
                weighted.precision(),
                weighted.recall(),
                weighted.f1(),
                LogLoss.of(outputs),
                rocAuc(outputs, matrix),
                matrix,
                perClass);
    }

    private static Double rocAuc(ClassifierOutputs outputs, ConfusionMatrix matrix) {
        boolean bothClassesInGold = outputs.classes() == 2 && matrix.support(0) > 0 && matrix.support(1) > 0;
        return bothClassesInGold ? RocCurve.ofClass(outputs, POSITIVE_CLASS).area() : null;
    }
}
