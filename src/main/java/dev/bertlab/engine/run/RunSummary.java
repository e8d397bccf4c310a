package dev.bertlab.engine.run;

import dev.bertlab.engine.train.TrainingOutcome;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the dashboard keeps of a finished run: how training ended and the final scalar metrics. Small enough to
 * travel from a worker process to its parent as one line.
 *
 * @param outcome how training ended
 * @param validation the final model's scalar metrics on the validation split, empty when training did not finish
 * @param test the same on the test split
 * @param datasetFingerprint the fingerprint of the (subset of the) dataset trained on
 */
public record RunSummary(TrainingOutcome outcome, Map<String, Double> validation, Map<String, Double> test,
        String datasetFingerprint) {

    public RunSummary {
        validation = validation == null ? Map.of() : new LinkedHashMap<>(validation);
        test = test == null ? Map.of() : new LinkedHashMap<>(test);
    }

    public static RunSummary of(RunResult result) {
        return new RunSummary(result.outcome(),
                result.validation() == null ? Map.of() : result.validation().scalars(),
                result.test() == null ? Map.of() : result.test().scalars(), result.datasetFingerprint());
    }
}
