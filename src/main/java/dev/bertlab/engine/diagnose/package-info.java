/**
 * The debugging assistant's rules: what a run's curves ({@link dev.bertlab.engine.diagnose.TrainingDiagnostician},
 * live through {@link dev.bertlab.engine.diagnose.DiagnosingListener}, after the fact through
 * {@link dev.bertlab.engine.diagnose.LoggedRunHistory}) and a dataset's splits
 * ({@link dev.bertlab.engine.diagnose.DataDiagnostician}) say is wrong, with the evidence and a remedy expressed
 * as hyperparameter changes. Each rule is its own class with its thresholds as named constants. Plain Java, no
 * Spring.
 */
package dev.bertlab.engine.diagnose;
