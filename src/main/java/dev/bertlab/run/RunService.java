package dev.bertlab.run;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.experiment.InvalidExperimentException;
import dev.bertlab.security.Role;
import jakarta.annotation.security.RolesAllowed;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Runs of experiments: queue now or at a time, cancel, resume, and look up. Runs execute as Quartz jobs in
 * device slots ({@link RunDispatcher}); a run's files live in its own run directory.
 */
@Service
public class RunService {

    private final TrainingRunRepository runs;
    private final ExperimentService experiments;
    private final RunTransitions transitions;
    private final RunTriggers triggers;
    private final LiveRuns live;
    private final RunEvents events;
    private final RunActivityLog activity;
    private final BertLabProperties properties;

    public RunService(TrainingRunRepository runs, ExperimentService experiments, RunTransitions transitions,
            RunTriggers triggers, LiveRuns live, RunEvents events, RunActivityLog activity,
            BertLabProperties properties) {
        this.runs = runs;
        this.experiments = experiments;
        this.transitions = transitions;
        this.triggers = triggers;
        this.live = live;
        this.events = events;
        this.activity = activity;
        this.properties = properties;
    }

    /** Queues a run of the experiment with its current hyperparameters; it starts when a slot is free. */
    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public TrainingRun runNow(long experimentId, String user) {
        return queue(experimentId, null, null, null, user);
    }

    /** How far in the past a start time may lie (clocks differ) and still mean "now". */
    static final Duration PAST_TOLERANCE = Duration.ofMinutes(1);

    /**
     * Queues a run to start at {@code when}; a time more than {@link #PAST_TOLERANCE} ago is refused rather than
     * quietly started now.
     */
    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public TrainingRun runAt(long experimentId, Instant when, String user) {
        if (when == null) {
            throw new IllegalArgumentException("choose when the run should start");
        }
        Instant now = Instant.now();
        if (when.isBefore(now.minus(PAST_TOLERANCE))) {
            throw new IllegalArgumentException("at is in the past: " + when + " (now "
                    + now.truncatedTo(ChronoUnit.SECONDS) + "); leave it out to queue the run now");
        }
        return queue(experimentId, null, null, when, user);
    }

    /**
     * Queues a run of the experiment.
     *
     * @param hyperparameters what this run trains with (a sweep's child); null: the experiment's, as they are now
     * @param sweepId the sweep the run belongs to, or null
     * @param when when it may start; null or past: as soon as a slot is free
     * @throws InvalidExperimentException when the experiment is no longer valid (its dataset was deleted)
     */
    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public TrainingRun queue(long experimentId, Hyperparameters hyperparameters, Long sweepId, Instant when,
            String user) {
        Experiment experiment = experiments.get(experimentId);
        Map<String, String> problems = experiments.problems(experiment);
        if (!problems.isEmpty()) {
            throw new InvalidExperimentException(problems);
        }
        Instant now = Instant.now();
        boolean later = when != null && when.isAfter(now);
        TrainingRun run = new TrainingRun();
        run.setExperimentId(experimentId);
        run.setSweepId(sweepId);
        run.setHyperparameters(hyperparameters != null ? hyperparameters : experiment.getHyperparameters());
        run.setDevice(experiment.getDevice());
        run.setEpochs(run.getHyperparameters().epochs());
        run.setStatus(RunStatus.QUEUED);
        run.setScheduledFor(later ? when : null);
        // a run scheduled for tonight joins the queue tonight, behind the runs queued before then
        run.setQueuedAt(later ? when : now);
        run.setCreatedBy(user);
        run = runs.save(run);
        run.setRunDirectory(freshDirectory(run.getId()).toString());
        run = runs.save(run);
        if (later) {
            triggers.dispatchAt(run.getId(), when);
        } else {
            triggers.dispatchAfterCommit();
        }
        activity.append(run, (later ? "scheduled for " + when : "queued") + " by " + user);
        events.publishAfterCommit(new RunEvent.StateChanged(run.getId(), RunStatus.QUEUED, null));
        return run;
    }

    /**
     * Asks a queued or running run to stop. A queued run is cancelled at once; a running one stops after its
     * current step, and its checkpoint is kept for a resume.
     */
    @RolesAllowed(Role.Names.EDITOR)
    public void cancel(long runId, String user) {
        TrainingRun run = get(runId);
        if (run.getStatus().isFinal()) {
            throw new RunStateException("run " + runId + " has already ended (" + run.getStatus() + ")");
        }
        if (transitions.cancelQueued(runId, "cancelled by " + user + " before it started")) {
            triggers.forgetDispatchAt(runId);
            activity.append(run, "cancelled by " + user + " before it started");
            return;
        }
        runs.requestCancel(runId, List.of(RunStatus.QUEUED, RunStatus.RUNNING));
        live.requestCancel(runId);
        activity.append(run, "cancel requested by " + user + ": stopping after the current step");
    }

    /** Continues a cancelled or failed run from its latest checkpoint, in the same run directory. */
    @RolesAllowed(Role.Names.EDITOR)
    public TrainingRun resume(long runId, String user) {
        TrainingRun run = transitions.requeue(runId);
        activity.append(run, "resume requested by " + user + ": queued to continue from the latest checkpoint");
        triggers.dispatchSoon();
        return run;
    }

    public Optional<TrainingRun> find(long runId) {
        return runs.findById(runId);
    }

    public TrainingRun get(long runId) {
        return runs.findById(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }

    public List<TrainingRun> forExperiment(long experimentId) {
        return runs.findByExperimentIdOrderByIdDesc(experimentId);
    }

    public List<TrainingRun> all() {
        return runs.findAllByOrderByIdDesc();
    }

    /** Runs in one state, newest first. */
    public List<TrainingRun> withStatus(RunStatus status) {
        return runs.findByStatusOrderByIdDesc(status);
    }

    public List<TrainingRun> forSweep(long sweepId) {
        return runs.findBySweepId(sweepId);
    }

    /** The run's files (config, training log, checkpoints, predictions, metrics, the model). */
    public RunDirectory directory(TrainingRun run) {
        return new RunDirectory(Path.of(run.getRunDirectory()));
    }

    /** {@code runs/run-<id>}; a leftover directory of that name (from another database) is never reused. */
    private Path freshDirectory(long runId) {
        Path runsDirectory = properties.runs().toAbsolutePath().normalize();
        Path directory = runsDirectory.resolve("run-" + runId);
        for (int n = 2; Files.exists(directory); n++) {
            directory = runsDirectory.resolve("run-" + runId + "-" + n);
        }
        return directory;
    }
}
