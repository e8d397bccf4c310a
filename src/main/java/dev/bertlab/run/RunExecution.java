package dev.bertlab.run;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.engine.run.FineTuneRun;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunResult;
import dev.bertlab.engine.train.TrainingListener;
import dev.bertlab.engine.train.TrainingOutcome;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Trains one claimed run with the engine: its experiment's dataset and model, its own hyperparameters, in its own
 * run directory, and records how it ended. A second or later attempt resumes from the latest checkpoint.
 */
@Component
public class RunExecution {

    private static final Logger LOG = LoggerFactory.getLogger(RunExecution.class);
    private static final long CANCEL_CHECK_NANOS = 2_000_000_000L;

    private final TrainingRunRepository runs;
    private final RunTransitions transitions;
    private final ExperimentService experiments;
    private final FineTuneRun engine;
    private final BertLabProperties properties;
    private final LiveRuns live;
    private final RunEvents events;
    private final RunActivityLog activity;
    private final RunTriggers triggers;

    public RunExecution(TrainingRunRepository runs, RunTransitions transitions, ExperimentService experiments,
            FineTuneRun engine, BertLabProperties properties, LiveRuns live, RunEvents events,
            RunActivityLog activity, RunTriggers triggers) {
        this.runs = runs;
        this.transitions = transitions;
        this.experiments = experiments;
        this.engine = engine;
        this.properties = properties;
        this.live = live;
        this.events = events;
        this.activity = activity;
        this.triggers = triggers;
    }

    /**
     * @param recovering Quartz fires the job again after the process died while it trained
     */
    public void execute(long runId, boolean recovering) {
        Optional<LiveRuns.LiveRun> registered = live.begin(runId);
        if (registered.isEmpty()) {
            LOG.info("run {} trains already in this process, or the application is stopping", runId);
            return;
        }
        LiveRuns.LiveRun liveRun = registered.get();
        try {
            Optional<TrainingRun> begun = transitions.begin(runId);
            if (begun.isEmpty()) {
                LOG.info("run {} holds no slot any more; nothing to do", runId);
                return;
            }
            train(begun.get(), liveRun, recovering);
        } finally {
            live.end(liveRun);
            triggers.dispatchSoon();
        }
    }

    private void train(TrainingRun run, LiveRuns.LiveRun liveRun, boolean recovering) {
        long runId = run.getId();
        if (recovering) {
            activity.append(run, "recovered by Quartz after the application died; resuming from the last checkpoint");
        }
        try {
            Experiment experiment = experiments.get(run.getExperimentId());
            Path directory = Path.of(run.getRunDirectory());
            RunConfig config = onDevice(experiments.runConfig(experiment, directory.getFileName().toString(),
                    directory, run.getHyperparameters(), properties.threads()), run.getDevice());
            List<TrainingListener> listeners = List.of(
                    new ProgressRecorder(runId, runs, run.getHyperparameters().epochs()),
                    new RunEventForwarder(run, events, activity));
            boolean resume = run.getAttempts() > 1;
            RunResult result = engine.execute(config, listeners, line -> activity.append(run, line),
                    stopSignal(liveRun), resume);
            if (result.outcome().reason() == TrainingOutcome.FinishReason.CANCELLED
                    && liveRun.interruptedByShutdown() && !liveRun.cancelRequested()) {
                interrupted(run, result.outcome().steps());
                return;
            }
            TrainingRun finished = transitions.finish(runId, result);
            activity.append(run, finished.getStatus() + (finished.getReason() == null ? "" : ": " + finished.getReason())
                    + (result.test() == null ? "" : "; test " + RunEventForwarder.format(result.test().scalars())));
        } catch (Throwable failure) {
            if (liveRun.interruptedByShutdown()) {
                LOG.info("run {} stopped by the shutdown: {}", runId, failure.toString());
                interrupted(run, -1);
                return;
            }
            String reason = FailureReason.of(failure);
            LOG.warn("run {} failed: {}", runId, reason, failure);
            transitions.fail(runId, reason);
            activity.append(run, "FAILED: " + reason);
        }
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

    private static RunConfig onDevice(RunConfig config, String device) {
        return new RunConfig(config.name(), config.dataset(), config.subset(), config.subsetSeed(),
                config.baseModel(), config.output(), device, config.threads(), config.hyperparameters());
    }
}
