package dev.bertlab.run;

import dev.bertlab.config.BertLabProperties;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The leases on running runs. Every heartbeat this node renews the lease of each run it trains, and takes back
 * into the queue any run whose lease has expired: its node died, or lost the database, and stopped renewing. A run
 * taken back resumes from its last checkpoint on whichever node claims it next (a second loss fails it, see
 * {@link RunTransitions#takeBackExpired}). A node that finds its own lease gone stops that run at once: the run
 * belongs to the node that took it back.
 *
 * <p>A lease lasts {@code bertlab.cluster.lease} (30 s), several heartbeats, so that a busy node keeps its runs;
 * the worker of a node that died stops within seconds of it (it watches its parent), well before its lease
 * expires, so a run never trains on two nodes at once.
 */
@Component
public class RunLeases {

    private static final Logger LOG = LoggerFactory.getLogger(RunLeases.class);

    private final TrainingRunRepository runs;
    private final RunTransitions transitions;
    private final LiveRuns live;
    private final RunActivityLog activity;
    private final RunTriggers triggers;
    private final BertLabProperties properties;

    public RunLeases(TrainingRunRepository runs, RunTransitions transitions, LiveRuns live, RunActivityLog activity,
            RunTriggers triggers, BertLabProperties properties) {
        this.runs = runs;
        this.transitions = transitions;
        this.live = live;
        this.activity = activity;
        this.triggers = triggers;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${bertlab.cluster.heartbeat:10s}", initialDelayString = "${bertlab.cluster.heartbeat:10s}")
    public void renewAndRecover() {
        try {
            renew();
            recoverExpired();
        } catch (RuntimeException e) {
            LOG.warn("could not renew or check the run leases: {}", e.toString());
        }
    }

    void renew() {
        Instant until = Instant.now().plus(properties.cluster().lease());
        for (long runId : live.runIds()) {
            if (runs.renewLease(runId, properties.nodeName(), until, RunStatus.RUNNING) == 0 && live.isLive(runId)
                    && heldElsewhere(runId)) {
                LOG.warn("run {}: another node took it back (this node missed its lease); stopping it here", runId);
                live.loseLease(runId);
            }
        }
    }

    /** Whether the run is now running on, or queued for, another node (not ended by this node's own execution). */
    private boolean heldElsewhere(long runId) {
        return runs.findById(runId).map(run -> run.getStatus() == RunStatus.QUEUED
                || (run.getStatus() == RunStatus.RUNNING && !properties.nodeName().equals(run.getWorkerNode())))
                .orElse(false);
    }

    void recoverExpired() {
        Instant now = Instant.now();
        boolean any = false;
        for (TrainingRun expired : runs.findLeaseExpired(RunStatus.RUNNING, now)) {
            if (live.isLive(expired.getId())) {
                continue; // trains here: renewed above
            }
            Optional<TrainingRun> taken = transitions.takeBackExpired(expired.getId(), now);
            if (taken.isPresent()) {
                any = true;
                tell(taken.get(), "the lease of node " + expired.getWorkerNode() + " ran out"
                        + (expired.getLeaseUntil() == null ? "" : " at " + expired.getLeaseUntil()));
            }
        }
        if (any) {
            triggers.dispatchSoon();
        }
    }

    /** At start: the runs this node claimed in an earlier life trains nobody now. */
    void recoverOwn() {
        Instant now = Instant.now();
        for (TrainingRun own : runs.findRunningOn(RunStatus.RUNNING, properties.nodeName())) {
            if (!live.isLive(own.getId())) {
                transitions.takeBackOwn(own.getId(), properties.nodeName(), now)
                        .ifPresent(taken -> tell(taken, "node " + properties.nodeName() + " restarted"));
            }
        }
    }

    private void tell(TrainingRun run, String how) {
        if (run.getStatus() == RunStatus.FAILED) {
            activity.append(run, "FAILED: " + run.getReason());
        } else {
            LOG.info("run {}: {}; back into the queue to resume from its last checkpoint", run.getId(), how);
            activity.append(run, "recovered: " + how + " while it trained; back into the queue to resume from "
                    + "its last checkpoint");
        }
    }
}
