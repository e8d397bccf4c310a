package dev.bertlab.run;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.engine.MatmulPrecision;
import dev.bertlab.engine.run.FailureReason;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunSummary;
import dev.bertlab.engine.train.TrainingEventListener;
import dev.bertlab.engine.train.TrainingOutcome;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.worker.WorkerExit;
import dev.bertlab.worker.WorkerSupervisor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains one claimed run in a worker process of its own: its experiment's dataset and model, its own
 * hyperparameters, in its own run directory, and records how it ended. A second or later attempt resumes from the
 * latest checkpoint. The worker's events reach the live pages and the database as if it trained here.
 */
@Component
public class RunExecution {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    private static final long CANCEL_CHECK_NANOS = 2_000_000_000L;

    private final TrainingRunRepository runs;
    private final RunTransitions transitions;
    private final ExperimentService experiments;
    private final WorkerSupervisor workers;
    private final BertLabProperties properties;
    private final LiveRuns live;
    private final RunEvents events;
    private final RunActivityLog activity;
    private final RunTriggers triggers;

    public RunExecution(TrainingRunRepository runs, RunTransitions transitions, ExperimentService experiments,
            WorkerSupervisor workers, BertLabProperties properties, LiveRuns live, RunEvents events,
            RunActivityLog activity, RunTriggers triggers) {
        this.runs = runs;
        this.transitions = transitions;
        this.experiments = experiments;
        this.workers = workers;
        this.properties = properties;
        this.live = live;
        this.events = events;
        this.activity = activity;
        this.triggers = triggers;
    }

    /** Trains a run this node has claimed, registered as live here by the dispatcher; ends its registration. */
    public void execute(LiveRuns.LiveRun liveRun) {
        long runId = liveRun.runId();
        try {
            Optional<TrainingRun> begun = transitions.begin(runId, properties.nodeName());
            if (begun.isEmpty()) {
                LOG.info("run {} holds no slot of this node any more; nothing to do", runId);
                return;
            }
            train(begun.get(), liveRun);
        } catch (RuntimeException e) {
            LOG.warn("run {} could not be started: {}", runId, e.toString(), e);
        } finally {
            live.end(liveRun);
            triggers.dispatchSoon();
        }
    }

    private void train(TrainingRun run, LiveRuns.LiveRun liveRun) {
        long runId = run.getId();
        try {
            Experiment experiment = experiments.get(run.getExperimentId());
            Path directory = Path.of(run.getRunDirectory());
            RunConfig config = onDevice(experiments.runConfig(experiment, directory.getFileName().toString(),
                    directory, run.getHyperparameters(), properties.threads()), run.getDevice(),
                    MatmulPrecision.of(properties.matmulPrecision()));
            List<TrainingEventListener> listeners = List.of(
                    new ProgressRecorder(runId, runs, run.getHyperparameters().epochs()),
                    new RunEventForwarder(run, events, activity));
            boolean resume = run.getAttempts() > 1;
            WorkerExit exit = workers.run(config, resume, listeners, line -> activity.append(run, line),
                    stopSignal(liveRun), pid -> {
                        transitions.workerStarted(runId, properties.nodeName(), pid);
                        activity.append(run, "training in worker process " + pid + " on " + properties.nodeName());
                    });
            if (liveRun.leaseLost()) {
                activity.append(run, "stopped on node " + properties.nodeName() + ": another node took the run "
                        + "back after this node missed its lease; it resumes there");
                return;
            }
            if (exit instanceof WorkerExit.Failed failed) {
                fail(run, failed.reason());
                return;
            }
            if (exit instanceof WorkerExit.Crashed crashed) {
                if (liveRun.interruptedByShutdown() && !liveRun.cancelRequested()) {
                    interrupted(run, -1); // killed as the application stopped: it resumes at the next start
                } else if (liveRun.cancelRequested() && crashed.killedAfterStop()) {
                    cancelledByForce(run, crashed);
                } else {
                    fail(run, crashed.reason());
                }
                return;
            }
            RunSummary result = ((WorkerExit.Finished) exit).summary();
            if (result.outcome().reason() == TrainingOutcome.FinishReason.CANCELLED
                    && liveRun.interruptedByShutdown() && !liveRun.cancelRequested()) {
                interrupted(run, result.outcome().steps());
                return;
            }
            TrainingRun finished = transitions.finish(runId, result);
            activity.append(run, finished.getStatus() + (finished.getReason() == null ? "" : ": " + finished.getReason())
                    + (result.test().isEmpty() ? "" : "; test " + RunEventForwarder.format(result.test())));
        } catch (Throwable failure) {
            if (liveRun.interruptedByShutdown()) {
                LOG.info("run {} stopped by the shutdown: {}", runId, failure.toString());
                interrupted(run, -1);
                return;
            }
            String reason = FailureReason.of(failure);
            LOG.warn("run {} failed: {}", runId, reason, failure);
            fail(run, reason);
        }
    }

    private void fail(TrainingRun run, String reason) {
        transitions.fail(run.getId(), reason);
        activity.append(run, "FAILED: " + reason);
    }

    /** Asked to cancel, the worker did not reach a step within the grace and was killed: its checkpoint stays. */
    private void cancelledByForce(TrainingRun run, WorkerExit.Crashed crashed) {
        String reason = "cancelled: " + crashed.reason() + "; resume continues from its last checkpoint";
        transitions.cancelRunning(run.getId(), reason);
        activity.append(run, "CANCELLED: " + reason);
    }

    private void interrupted(TrainingRun run, int step) {
        String reason = "interrupted by a shutdown" + (step >= 0 ? " at step " + step : "")
                + "; resumes from its checkpoint at the next start";
        transitions.interrupt(run.getId(), reason, step >= 0 ? step : null);
        activity.append(run, reason);
    }

    /**
     * The engine asks after every step: stop for a cancel or a shutdown in this process, or for a cancel
     * request stored in the database (read at most every two seconds).
     */
    private BooleanSupplier stopSignal(LiveRuns.LiveRun liveRun) {
        long[] lastCheck = {System.nanoTime()};
        return () -> {
            if (liveRun.stopRequested()) {
                return true;
            }
            long now = System.nanoTime();
            if (now - lastCheck[0] >= CANCEL_CHECK_NANOS) {
                lastCheck[0] = now;
                if (Boolean.TRUE.equals(runs.isCancelRequested(liveRun.runId()))) {
                    live.requestCancel(liveRun.runId());
                    return true;
                }
            }
            return false;
        };
    }

    /** The run's config on its slot's device, with this node's matmul precision (none: the device's default). */
    private static RunConfig onDevice(RunConfig config, String device, MatmulPrecision precision) {
        return new RunConfig(config.name(), config.dataset(), config.subset(), config.subsetSeed(),
                config.baseModel(), config.output(), device, config.threads(), precision, config.hyperparameters());
    }
}
