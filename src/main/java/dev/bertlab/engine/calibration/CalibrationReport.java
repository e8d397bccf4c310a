package dev.bertlab.engine.calibration;

/**
 * What temperature scaling did to one split.
 *
 * @param temperature   the fitted temperature T (above 1: the model was over-confident)
 * @param examples      examples in the split
 * @param logLossBefore mean negative log-likelihood of the gold class at T = 1
 * @param logLossAfter  the same at the fitted T
 * @param eceBefore     expected calibration error at T = 1
 * @param eceAfter      expected calibration error at the fitted T
 * @param before        reliability diagram at T = 1
 * @param after         reliability diagram at the fitted T
 */
public record CalibrationReport(double temperature, int examples, double logLossBefore, double logLossAfter,
                                double eceBefore, double eceAfter, ReliabilityDiagram before,
                                ReliabilityDiagram after) {
}
