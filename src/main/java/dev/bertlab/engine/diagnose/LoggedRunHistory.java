package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rebuilds a {@link TrainingHistory} from a run's {@code training_log.jsonl}, so a finished (or crashed) run can be
 * diagnosed after the fact with the same rules that watch a live one.
 */
public final class LoggedRunHistory {

    private static final String EVAL_PREFIX = "eval_";

    private LoggedRunHistory() {
    }

    /**
     * @param log the run's log
     * @param totalSteps the run's planned optimizer steps (the log does not hold them; the underfitting rule needs
     *     them), or 0 when unknown
     * @param stepsPerEpoch optimizer steps of one epoch, or 0 when unknown
     */
    public static TrainingHistory of(TrainingLogReader.Log log, int totalSteps, int stepsPerEpoch) {
        TrainingHistory history = new TrainingHistory();
        if (totalSteps > 0) {
            history.started(new TrainingEvents.Started(totalSteps, stepsPerEpoch, 0, 0));
        }
        for (Map<String, Double> line : log.train()) {
            // a NaN loss is written as a string the reader drops: a missing figure is a non-finite one
            history.add(new TrainingEvents.StepLogged(line.getOrDefault("step", 0.0).intValue(),
                    line.getOrDefault("epoch", 0.0), line.getOrDefault("loss", Double.NaN),
                    line.getOrDefault("learning_rate", 0.0), line.getOrDefault("grad_norm", Double.NaN),
                    line.getOrDefault("samples_per_second", 0.0), line.getOrDefault("tokens_per_second", 0.0),
                    line.getOrDefault("padding_share", 0.0), line.getOrDefault("elapsed_seconds", 0.0)));
        }
        for (Map<String, Double> line : log.eval()) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            line.forEach((key, value) -> {
                if (key.startsWith(EVAL_PREFIX)) {
                    metrics.put(key.substring(EVAL_PREFIX.length()), value);
                }
            });
            history.add(new TrainingEvents.Evaluated(line.getOrDefault("step", 0.0).intValue(),
                    line.getOrDefault("epoch", 0.0), metrics, line.getOrDefault("best", 0.0) > 0));
        }
        for (TrainingLogReader.Notice notice : log.notices()) {
            history.add(new TrainingEvents.Notice(notice.step(), notice.kind(), notice.message()));
        }
        return history;
    }
}
