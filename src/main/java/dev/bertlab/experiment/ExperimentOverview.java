package dev.bertlab.experiment;

import dev.bertlab.run.RunStatus;
import dev.bertlab.run.TrainingRun;
import java.util.List;
import java.util.Optional;

/**
 * An experiment as the list shows it: with its newest run and its newest run that succeeded.
 *
 * @param experiment the experiment
 * @param runs its runs, newest first
 */
public record ExperimentOverview(Experiment experiment, List<TrainingRun> runs) {

    public ExperimentOverview {
        runs = List.copyOf(runs);
    }

    public Optional<TrainingRun> latestRun() {
        return runs.stream().findFirst();
    }

    /** The newest run that finished with metrics; what "compare with parent" and the accuracy column take. */
    public Optional<TrainingRun> latestSucceededRun() {
        return runs.stream().filter(run -> run.getStatus() == RunStatus.SUCCEEDED).findFirst();
    }

    public Optional<RunStatus> latestStatus() {
        return latestRun().map(TrainingRun::getStatus);
    }

    /** Test accuracy of the newest succeeded run, if there is one and it has the metric. */
    public Optional<Double> testAccuracy() {
        return latestSucceededRun().map(run -> run.getTestMetrics() == null ? null : run.getTestMetrics()
                .get("accuracy"));
    }
}
