package dev.bertlab.sweep;

import dev.bertlab.run.TrainingRun;
import java.util.Map;

/**
 * One run of a sweep with the values it tried and its score.
 *
 * @param run the run
 * @param values the swept hyperparameters' values in this run
 * @param score the ranking metric on the test split, or null while it has none
 * @param best whether this is the best finished run of the sweep
 */
public record SweepTrial(TrainingRun run, Map<String, Object> values, Double score, boolean best) {
}
