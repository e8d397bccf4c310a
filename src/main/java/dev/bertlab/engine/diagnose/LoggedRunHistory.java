package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.engine.train.TrainingEvents;
import java.util.Map;

/**
 * Rebuilds a {@link TrainingHistory} from a run's {@code training_log.jsonl}, so a finished (or crashed) run can be
 * diagnosed after the fact with the same rules that watch a live one.
 */
public final class LoggedRunHistory {

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
            history.add(TrainingLogReader.step(line));
        }
        for (Map<String, Double> line : log.eval()) {
            history.add(TrainingLogReader.evaluation(line));
        }
        for (TrainingLogReader.Notice notice : log.notices()) {
            history.add(new TrainingEvents.Notice(notice.step(), notice.kind(), notice.message()));
        }
        return history;
    }
}
