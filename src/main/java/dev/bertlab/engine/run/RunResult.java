package dev.bertlab.engine.run;

import dev.bertlab.engine.predict.SplitEvaluation;
import dev.bertlab.engine.tokenize.TokenStats;
import dev.bertlab.engine.train.TrainingOutcome;
import java.util.Map;

/**
 * What a run produced.
 *
 * @param directory its files
 * @param outcome how training ended
 * @param validation the final model on the validation split, or null when training did not finish
 * @param test the final model on the test split, or null when training did not finish or there is no test split
 * @param tokenStats length and truncation figures per split
 * @param datasetFingerprint the fingerprint of the (subset of the) dataset trained on
 */
public record RunResult(RunDirectory directory, TrainingOutcome outcome, SplitEvaluation validation,
        SplitEvaluation test, Map<String, TokenStats> tokenStats, String datasetFingerprint) {
}
