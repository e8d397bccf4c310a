package dev.bertlab.report;

import dev.bertlab.experiment.ExperimentStage;
import java.time.Duration;

/**
 * One experiment in the final evaluation table; a value is null where its run has none (or there is no run).
 *
 * @param experimentName the experiment
 * @param stage where it stands in the family
 * @param runId the run the values come from, or null
 * @param accuracy test accuracy
 * @param f1 test F1 (positive class for two labels, otherwise macro F1)
 * @param logLoss test log loss
 * @param ece test expected calibration error, when the run recorded a metric named "ece"
 * @param steps optimizer steps trained
 * @param trainTime wall time from start to finish
 */
public record EvaluationRow(String experimentName, ExperimentStage stage, Long runId, Double accuracy, Double f1,
        Double logLoss, Double ece, Integer steps, Duration trainTime) {
}
