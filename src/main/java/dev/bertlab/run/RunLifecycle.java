package dev.bertlab.run;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs across restarts. At shutdown, live runs stop at their next step, save a checkpoint and go back into the
 * queue. At start, the runs this node left RUNNING when it died go back into the queue (they resume from their
 * last checkpoint; see {@link RunLeases} for those of other nodes); then the queue is looked at.
 */
@Component
public class RunLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(RunLifecycle.class);
    private static final Duration SHUTDOWN_WAIT = Duration.ofSeconds(60);

    private final RunTriggers triggers;
    private final RunLeases leases;
    private final LiveRuns live;

    public RunLifecycle(RunTriggers triggers, RunLeases leases, LiveRuns live) {
        this.triggers = triggers;
        this.leases = leases;
        this.live = live;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void recoverInterruptedRuns() {
        triggers.deleteLegacyRunJobs();
        leases.recoverOwn();
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
