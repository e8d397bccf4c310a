/**
 * Calibration: does a confidence of 0.9 mean right 9 times in 10? The
 * {@link dev.bertlab.engine.calibration.ReliabilityDiagram} measures it (ECE, MCE, per-bin accuracy against
 * confidence); {@link dev.bertlab.engine.calibration.TemperatureScaling} repairs over- or under-confidence with
 * one number fitted on validation logits, which changes no prediction, only how sure each one claims to be.
 *
 * <p>Plain Java, no Spring; every result is a record of plain fields so that Jackson writes it as it is.
 */
package dev.bertlab.engine.calibration;
