package dev.bertlab.run;

import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs across restarts. At shutdown, live runs stop at their next step, save a checkpoint and go back into the
 * queue. At start, a run the previous process left RUNNING is either recovered by Quartz (its job asked for
 * recovery, so Quartz fires it again and it resumes from its checkpoint) or, when no job of it is left, put back
 * into the queue; then the queue is looked at.
 */
@Component
public class RunLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RunLifecycle.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final TrainingRunRepository runs;
    private final RunTransitions transitions;
    private final RunTriggers triggers;
    private final LiveRuns live;
    private final RunActivityLog activity;

    public RunLifecycle(TrainingRunRepository runs, RunTransitions transitions, RunTriggers triggers, LiveRuns live,
            RunActivityLog activity) {
        this.runs = runs;
        this.transitions = transitions;
        this.triggers = triggers;
        this.live = live;
        this.activity = activity;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recoverInterruptedRuns() {
        for (TrainingRun run : runs.findByStatusIn(List.of(RunStatus.RUNNING))) {
            if (live.isLive(run.getId()) || triggers.hasPendingJob(run.getId())) {
                continue; // training here, or Quartz is about to recover it
            }
            triggers.deleteRunJob(run.getId());
            if (!transitions.nodeLost(run.getId(), java.time.Instant.now())) {
                activity.append(run, "FAILED: " + runs.findById(run.getId()).map(TrainingRun::getReason).orElse(""));
                continue;
            }
            LOG.info("run {} was left RUNNING with no job: back into the queue", run.getId());
            transitions.requeueOrphan(run.getId());
            activity.append(run, "found interrupted at start-up; queued to resume from its last checkpoint");
        }
        triggers.dispatchSoon();
    }

    @EventListener(ContextClosedEvent.class)
    public void stopLiveRuns() {
        if (!live.stopAll(SHUTDOWN_WAIT)) {
            LOG.warn("runs still training after {} s of shutdown; they resume from their last checkpoint at the "
                    + "next start", SHUTDOWN_WAIT.toSeconds());
        }
    }
}
