package dev.bertlab.run;

import dev.bertlab.engine.run.RunSummary;
import dev.bertlab.engine.train.TrainingOutcome;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every change of a run's state, each in its own transaction and each checking the state it starts from, so that
 * concurrent requests (a cancel while the dispatcher starts the run) cannot both win. Listeners hear of each
 * change once it is committed.
 */
@Component
public class RunTransitions {

    /** Nodes that may die under one run before it is failed instead of started again. */
    static final int NODE_LOSSES_TOLERATED = 1;

    private final TrainingRunRepository runs;
    private final RunEvents events;

    public RunTransitions(TrainingRunRepository runs, RunEvents events) {
        this.runs = runs;
        this.events = events;
    }

    /** An execution starts on {@code node}: one more attempt. Empty unless the run holds a slot of that node. */
    @Transactional
    public Optional<TrainingRun> begin(long runId, String node) {
        TrainingRun run = runs.findById(runId).orElse(null);
        if (run == null || run.getStatus() != RunStatus.RUNNING || run.getSlot() == null
                || !node.equals(run.getWorkerNode())) {
            return Optional.empty();
        }
        run.setAttempts(run.getAttempts() + 1);
        if (run.getStartedAt() == null) {
            run.setStartedAt(Instant.now());
        }
        run.setReason(null);
        return Optional.of(run);
    }

    /** Training ended (completed, early-stopped, cancelled or diverged); the slot is free again. */
    @Transactional
    public TrainingRun finish(long runId, RunSummary result) {
        TrainingOutcome outcome = result.outcome();
        RunStatus status = switch (outcome.reason()) {
            case COMPLETED, EARLY_STOPPED -> RunStatus.SUCCEEDED;
            case CANCELLED -> RunStatus.CANCELLED;
            case DIVERGED -> RunStatus.DIVERGED;
        };
        TrainingRun run = get(runId);
        run.setStatus(status);
        run.setReason(outcome.reason() == TrainingOutcome.FinishReason.COMPLETED ? null : outcome.message());
        run.setStep(outcome.steps());
        run.setTotalSteps(outcome.totalSteps());
        run.setDatasetFingerprint(result.datasetFingerprint());
        if (!result.validation().isEmpty()) {
            run.setValidationMetrics(new LinkedHashMap<>(result.validation()));
        }
        if (!result.test().isEmpty()) {
            run.setTestMetrics(new LinkedHashMap<>(result.test()));
        }
        if (status == RunStatus.SUCCEEDED) {
            run.setEpoch(run.getEpochs());
        }
        return end(run);
    }

    /** A worker process trains the run now: the run page names its node and pid. */
    @Transactional
    public TrainingRun workerStarted(long runId, String node, long pid) {
        TrainingRun run = get(runId);
        run.setWorkerNode(node);
        run.setWorkerPid(pid);
        return run;
    }


    /**
     * Takes back a running run whose node stopped renewing its lease (the node died, or lost the database):
     * {@link #nodeLost}. Of several nodes that notice at once, one takes it.
     *
     * @return the run, QUEUED again or FAILED; empty when another node took it or the lease was renewed meanwhile
     */
    @Transactional
    public Optional<TrainingRun> takeBackExpired(long runId, Instant now) {
        if (runs.releaseExpired(runId, now, RunStatus.RUNNING, RunStatus.QUEUED) == 0) {
            return Optional.empty();
        }
        return Optional.of(nodeLost(get(runId), now));
    }

    /**
     * Takes back a running run that {@code node} claimed before it restarted (nothing trains it now): {@link #nodeLost}.
     */
    @Transactional
    public Optional<TrainingRun> takeBackOwn(long runId, String node, Instant now) {
        if (runs.releaseOwn(runId, node, RunStatus.RUNNING, RunStatus.QUEUED) == 0) {
            return Optional.empty();
        }
        return Optional.of(nodeLost(get(runId), now));
    }

    /**
     * The node that trained the run died under it, and the run is back in the queue (it keeps its place and resumes
     * from its last checkpoint): counted, with a line saying which node it was and how far the run had come. The
     * second loss fails the run with both lines, so that a run that brings its node down is not started a third
     * time (no crash loop); a person can still resume it.
     */
    private TrainingRun nodeLost(TrainingRun run, Instant noticed) {
        String line = noticed + ": node " + (run.getWorkerNode() == null ? "(unknown)" : run.getWorkerNode())
                + (run.getWorkerPid() == null ? "" : " (worker pid " + run.getWorkerPid() + ")")
                + " died while the run trained, at step " + run.getStep();
        String history = run.getNodeLossHistory() == null ? line : run.getNodeLossHistory() + "\n" + line;
        run.setNodeLossHistory(history.length() > 4000 ? history.substring(history.length() - 4000) : history);
        run.setNodeLosses(run.getNodeLosses() + 1);
        if (run.getNodeLosses() <= NODE_LOSSES_TOLERATED) {
            run.setReason(line.substring(line.indexOf(": ") + 2) + "; resumes from its last checkpoint");
            events.publishAfterCommit(new RunEvent.StateChanged(run.getId(), RunStatus.QUEUED, run.getReason()));
            return run;
        }
        run.setStatus(RunStatus.FAILED);
        run.setReason("not started again: the node training it died " + run.getNodeLosses() + " times ("
                + history.replace("\n", "; ") + "); resume it by hand once the cause is found");
        return end(run);
    }

    /** A queued run waits for something no node offers now: says what, once (unchanged reasons are not written). */
    @Transactional
    public void waiting(long runId, String reason) {
        TrainingRun run = get(runId);
        if (run.getStatus() == RunStatus.QUEUED && !reason.equals(run.getReason())) {
            run.setReason(reason);
            events.publishAfterCommit(new RunEvent.StateChanged(runId, RunStatus.QUEUED, reason));
        }
    }

    /** The execution failed: the reason is the error's message. */
    @Transactional
    public TrainingRun fail(long runId, String reason) {
        return endUnlessEnded(runId, RunStatus.FAILED, reason);
    }

    /**
     * The application stops while the run trains (its checkpoint is saved): back into the queue, ahead of later
     * runs (it keeps its queue time), to resume at the next start.
     */
    @Transactional
    public TrainingRun interrupt(long runId, String reason, Integer step) {
        TrainingRun run = get(runId);
        if (step != null) {
            run.setStep(step);
        }
        run.setStatus(RunStatus.QUEUED);
        run.setReason(reason);
        run.setSlot(null);
        run.setLeaseUntil(null);
        run.setEtaSeconds(null);
        events.publishAfterCommit(new RunEvent.StateChanged(runId, RunStatus.QUEUED, reason));
        return run;
    }

    /** A running run was stopped by force after a cancel; its last checkpoint is kept for a resume. */
    @Transactional
    public TrainingRun cancelRunning(long runId, String reason) {
        return endUnlessEnded(runId, RunStatus.CANCELLED, reason);
    }

    /** Cancels a run that has not started; false when it is no longer queued. */
    @Transactional
    public boolean cancelQueued(long runId, String reason) {
        TrainingRun run = get(runId);
        if (run.getStatus() != RunStatus.QUEUED) {
            return false;
        }
        run.setStatus(RunStatus.CANCELLED);
        run.setReason(reason);
        end(run);
        return true;
    }

    /** A cancelled or failed run goes back into the queue, at its end, to continue from its checkpoint. */
    @Transactional
    public TrainingRun requeue(long runId) {
        TrainingRun run = get(runId);
        if (!List.of(RunStatus.CANCELLED, RunStatus.FAILED).contains(run.getStatus())) {
            throw new RunStateException("run " + runId + " is " + run.getStatus()
                    + ": only a cancelled or failed run can be resumed");
        }
        run.setStatus(RunStatus.QUEUED);
        run.setReason(null);
        run.setCancelRequested(false);
        run.setFinishedAt(null);
        run.setScheduledFor(null);
        run.setEtaSeconds(null);
        run.setQueuedAt(Instant.now());
        events.publishAfterCommit(new RunEvent.StateChanged(runId, RunStatus.QUEUED, null));
        return run;
    }

    private TrainingRun endUnlessEnded(long runId, RunStatus status, String reason) {
        TrainingRun run = get(runId);
        if (run.getStatus().isFinal()) {
            return run;
        }
        run.setStatus(status);
        run.setReason(reason);
        return end(run);
    }

    private TrainingRun end(TrainingRun run) {
        run.setSlot(null);
        run.setLeaseUntil(null);
        run.setFinishedAt(Instant.now());
        run.setEtaSeconds(run.getStatus() == RunStatus.SUCCEEDED ? 0.0 : null);
        events.publishAfterCommit(new RunEvent.StateChanged(run.getId(), run.getStatus(), run.getReason()));
        return run;
    }

    private TrainingRun get(long runId) {
        return runs.findById(runId).orElseThrow(() -> new RunNotFoundException(runId));
    }
}
