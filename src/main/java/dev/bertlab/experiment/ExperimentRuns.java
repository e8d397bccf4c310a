package dev.bertlab.experiment;

import java.util.List;
import java.util.Map;

/**
 * The runs of experiments, as much as the experiment pages need. The run feature implements it: runs need
 * experiments, so the experiment feature reads and queues runs through this instead of importing the run feature.
 */
public interface ExperimentRuns {

    /** Every run, by the id of its experiment, each experiment's newest first. */
    Map<Long, List<RunSummary>> byExperiment();

    /** The experiment's runs, newest first. */
    List<RunSummary> of(long experimentId);

    /** Every {@link RunSummary#status()} a run can have, in the order of a run's life. */
    List<String> statuses();

    /**
     * Queues a run of the experiment with its hyperparameters as they are now.
     *
     * @return the new run's id
     */
    long runNow(long experimentId, String user);
}
