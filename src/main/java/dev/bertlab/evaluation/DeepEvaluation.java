package dev.bertlab.evaluation;

import dev.bertlab.engine.calibration.CalibrationReport;
import dev.bertlab.engine.eval.LengthBucketAccuracy;
import dev.bertlab.engine.eval.PrecisionRecallCurve;
import dev.bertlab.engine.eval.RocCurve;
import dev.bertlab.engine.eval.ThresholdTuning;
import java.util.List;

/**
 * A finished classifier's test predictions looked at closely: ranking curves, calibration before and after
 * temperature scaling fitted on validation, the validation-tuned threshold, and accuracy by review length.
 *
 * @param labels the classes
 * @param positiveLabel the class the binary curves and threshold are about; null with more than two classes
 * @param roc the ROC curve of the positive class (binary only)
 * @param precisionRecall the precision-recall curve of the positive class (binary only)
 * @param calibration temperature fitted on validation, log loss and ECE on test before and after, reliability bins
 * @param threshold the decision threshold on P(positive) that maximises validation F1, and F1 with it (binary only)
 * @param lengthBuckets test accuracy by length in word pieces; null when the texts could not be read
 */
public record DeepEvaluation(List<String> labels, String positiveLabel, RocCurve roc,
        PrecisionRecallCurve precisionRecall, CalibrationReport calibration, ThresholdTuning threshold,
        LengthBucketAccuracy lengthBuckets) {
}
