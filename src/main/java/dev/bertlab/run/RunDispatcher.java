package dev.bertlab.run;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.config.DatabaseConfiguration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * This node's side of the queue: hands this node's free device slots to due queued runs, first come first served,
 * and trains each claimed run here. Every node sharing the database runs one; a claim is a conditional update in
 * the database (and a lease the node renews, see {@link RunLeases}), so a run is claimed by exactly one node. It
 * looks at the queue when asked ({@link RunTriggers#dispatchSoon()}: a run was queued or ended, a scheduled time
 * came) and every {@code bertlab.cluster.dispatch-interval} for good measure.
 */
@Component
public class RunDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RunDispatcher.class);
    private static final String WAITS_FOR = "waits for a node with ";

    private final TrainingRunRepository runs;
    private final DeviceSlots slots;
    private final RunTransitions transitions;
    private final RunActivityLog activity;
    private final LiveRuns live;
    private final RunEvents events;
    private final RunExecution execution;
    private final BertLabProperties properties;
    private final boolean clustered;
    private final SimpleAsyncTaskExecutor looks = new SimpleAsyncTaskExecutor("dispatch-");
    private final SimpleAsyncTaskExecutor training = new SimpleAsyncTaskExecutor("run-");
    private final AtomicBoolean lookPending = new AtomicBoolean();

    public RunDispatcher(TrainingRunRepository runs, DeviceSlots slots, RunTransitions transitions,
            RunActivityLog activity, LiveRuns live, RunEvents events, RunExecution execution,
            BertLabProperties properties, DataSource dataSource) {
        this.runs = runs;
        this.slots = slots;
        this.transitions = transitions;
        this.activity = activity;
        this.live = live;
        this.events = events;
        this.execution = execution;
        this.properties = properties;
        this.clustered = DatabaseConfiguration.isPostgreSql(dataSource);
        // neither keeps the JVM alive: at shutdown the live runs are stopped (RunLifecycle) and their workers killed
        looks.setDaemon(true);
        training.setDaemon(true);
    }

    /** Someone asked for a look at the queue: one look follows, however many asked meanwhile. */
    @EventListener
    public void onRequest(RunTriggers.DispatchRequested request) {
        if (lookPending.compareAndSet(false, true)) {
            looks.execute(() -> {
                lookPending.set(false);
                dispatch();
            });
        }
    }

    @Scheduled(fixedDelayString = "${bertlab.cluster.dispatch-interval:5s}",
            initialDelayString = "${bertlab.cluster.dispatch-interval:5s}")
    public void tick() {
        dispatch();
    }

    public synchronized void dispatch() {
        if (live.isStopping()) {
            return;
        }
        try {
            List<TrainingRun> due = runs.findDue(RunStatus.QUEUED, Instant.now());
            if (due.isEmpty()) {
                return;
            }
            List<String> free = new ArrayList<>(slots.all());
            free.removeAll(runs.findHeldSlots(properties.nodeName()));
            for (TrainingRun run : due) {
                List<String> candidates = slots.candidates(run.getDevice());
                if (candidates.isEmpty()) {
                    noSlotHere(run);
                    continue;
                }
                // in queue order, each run takes the first free slot it may use: a later run never overtakes an
                // earlier one on the same device
                Optional<String> slot = candidates.stream().filter(free::contains).findFirst();
                if (slot.isPresent() && start(run, slot.get())) {
                    free.remove(slot.get());
                }
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment: the next look tries again
            LOG.warn("could not look at the queue: {}", e.toString());
        }
    }

    /**
     * This node has no slot for the run's device. Alone on its database (the embedded default) no other node will
     * ever have one: the run fails with the reason. In a cluster another node may have it, or join later: the run
     * waits, and once no node has taken it for a few looks, says what for.
     */
    private void noSlotHere(TrainingRun run) {
        if (!clustered) {
            transitions.fail(run.getId(), slots.unavailable(run.getDevice()));
            return;
        }
        // a moment first: another node may take it at its next look; and a reason already given (the run's node
        // died) is not overwritten
        Instant due = run.getScheduledFor() != null && run.getScheduledFor().isAfter(run.getQueuedAt())
                ? run.getScheduledFor() : run.getQueuedAt();
        boolean waitedLong = due.plus(properties.cluster().dispatchInterval().multipliedBy(3)).isBefore(Instant.now());
        if (!waitedLong || (run.getReason() != null && !run.getReason().startsWith(WAITS_FOR))) {
            return;
        }
        String device = run.getDevice() == null ? "auto" : run.getDevice().trim().toLowerCase(Locale.ROOT);
        String wanted = device.startsWith("cuda") || device.startsWith("gpu") ? "a free GPU" : "a free slot";
        String reason = WAITS_FOR + wanted + " (it asks for device " + device
                + "; the Workers page lists the slots of each node)";
        transitions.waiting(run.getId(), reason);
    }

    private boolean start(TrainingRun run, String slot) {
        Optional<LiveRuns.LiveRun> registered = live.begin(run.getId());
        if (registered.isEmpty()) {
            return false; // stopping, or training here already
        }
        boolean claimed;
        try {
            claimed = runs.claim(run.getId(), properties.nodeName(), slot, DeviceSlots.engineDevice(slot),
                    Instant.now().plus(properties.cluster().lease()), RunStatus.QUEUED, RunStatus.RUNNING) == 1;
        } catch (DataIntegrityViolationException taken) {
            LOG.debug("slot {} was taken meanwhile", slot);
            claimed = false;
        } catch (RuntimeException e) {
            live.end(registered.get());
            throw e;
        }
        if (!claimed) {
            live.end(registered.get()); // another node claimed it, or it was cancelled meanwhile
            return false;
        }
        activity.append(run, "started on " + slot + " of node " + properties.nodeName()
                + (run.getAttempts() > 0 ? " (attempt " + (run.getAttempts() + 1)
                        + ", resuming from the last checkpoint)" : ""));
        events.publish(new RunEvent.StateChanged(run.getId(), RunStatus.RUNNING, null));
        training.execute(() -> execution.execute(registered.get()));
        return true;
    }
}
