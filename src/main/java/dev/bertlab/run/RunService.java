package dev.bertlab.run;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * Runs of experiments: queue now or at a time, cancel, resume, and look up. Runs execute as Quartz jobs in
 * device slots.
 *
 * <p>SKELETON: the signatures other features code against; the runs feature fills the bodies.
 */
@Service
public class RunService {

    private final TrainingRunRepository runs;

    public RunService(TrainingRunRepository runs) {
        this.runs = runs;
    }

    /** Queues a run of the experiment with its current hyperparameters; it starts when a slot is free. */
    public TrainingRun runNow(long experimentId, String user) {
        throw new UnsupportedOperationException("runs feature not merged yet");
    }

    /** Queues a run to start at {@code when}. */
    public TrainingRun runAt(long experimentId, Instant when, String user) {
        throw new UnsupportedOperationException("runs feature not merged yet");
    }

    /** Asks a queued or running run to stop (at the next step; its checkpoint is kept). */
    public void cancel(long runId, String user) {
        throw new UnsupportedOperationException("runs feature not merged yet");
    }

    /** Continues a cancelled or failed run from its latest checkpoint. */
    public TrainingRun resume(long runId, String user) {
        throw new UnsupportedOperationException("runs feature not merged yet");
    }

    public Optional<TrainingRun> find(long runId) {
        return runs.findById(runId);
    }

    public List<TrainingRun> forExperiment(long experimentId) {
        return runs.findByExperimentIdOrderByIdDesc(experimentId);
    }

    public List<TrainingRun> all() {
        return runs.findAllByOrderByIdDesc();
    }
}
