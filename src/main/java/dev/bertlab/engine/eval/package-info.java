/**
 * Evaluation of a fine-tuned model on one split: metrics computed as scikit-learn defines them, and the files
 * they are kept in ({@code predictions.csv}, {@code metrics.json}).
 *
 * <p>Each metric family has its own class ({@link dev.bertlab.engine.eval.ConfusionMatrix},
 * {@link dev.bertlab.engine.eval.ClassScores}, {@link dev.bertlab.engine.eval.RocCurve}, log loss); the
 * {@link dev.bertlab.engine.eval.ClassificationMetrics} and {@link dev.bertlab.engine.eval.RegressionMetrics}
 * records assemble them. Curves belong here too, next to the family they come from
 * ({@link dev.bertlab.engine.eval.RocCurve}, {@link dev.bertlab.engine.eval.PrecisionRecallCurve}), as do the
 * views that slice or re-decide one split's predictions ({@link dev.bertlab.engine.eval.ThresholdTuning},
 * {@link dev.bertlab.engine.eval.LengthBucketAccuracy}). Calibration has its own package,
 * {@code dev.bertlab.engine.calibration}; comparing two runs is {@code dev.bertlab.engine.significance}.
 */
package dev.bertlab.engine.eval;
