package dev.bertlab.experiment;

import java.util.List;
import java.util.Optional;

/**
 * An experiment as the list shows it: with its newest run and its newest run that succeeded.
 *
 * @param experiment the experiment
 * @param runs its runs, newest first
 */
public record ExperimentOverview(Experiment experiment, List<RunSummary> runs) {

    public ExperimentOverview {
        runs = List.copyOf(runs);
    }

    public Optional<RunSummary> latestRun() {
        return runs.stream().findFirst();
    }

    /** The newest run that finished with metrics; what "compare with parent" and the accuracy column take. */
    public Optional<RunSummary> latestSucceededRun() {
        return runs.stream().filter(run -> run.outcome() == RunOutcome.SUCCEEDED).findFirst();
    }

    public Optional<String> latestStatus() {
        return latestRun().map(RunSummary::status);
    }

    /** Test accuracy of the newest succeeded run, if there is one and it has the metric. */
    public Optional<Double> testAccuracy() {
        return latestSucceededRun().map(RunSummary::testAccuracy);
    }
}
