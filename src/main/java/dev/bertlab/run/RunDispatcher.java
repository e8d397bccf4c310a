package dev.bertlab.run;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue: hands free device slots to due queued runs, first come first served, and starts their jobs. Called
 * by {@link DispatchJob} (never two at once) whenever a run is queued, a run ends, a scheduled time comes, and
 * every few seconds for good measure.
 */
@Component
public class RunDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(RunDispatcher.class);

    private final TrainingRunRepository runs;
    private final DeviceSlots slots;
    private final RunTriggers triggers;
    private final RunTransitions transitions;
    private final RunActivityLog activity;
    private final LiveRuns live;
    private final RunEvents events;
    private final TransactionTemplate transaction;

    public RunDispatcher(TrainingRunRepository runs, DeviceSlots slots, RunTriggers triggers,
            RunTransitions transitions, RunActivityLog activity, LiveRuns live, RunEvents events,
            PlatformTransactionManager transactionManager) {
        this.runs = runs;
        this.slots = slots;
        this.triggers = triggers;
        this.transitions = transitions;
        this.activity = activity;
        this.live = live;
        this.events = events;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    public synchronized void dispatch() {
        if (live.isStopping()) {
            return;
        }
        List<TrainingRun> due = runs.findDue(RunStatus.QUEUED, Instant.now());
        if (due.isEmpty()) {
            return;
        }
        List<String> free = new ArrayList<>(slots.all());
        free.removeAll(runs.findHeldSlots());
        for (TrainingRun run : due) {
            if (free.isEmpty()) {
                return;
            }
            List<String> candidates = slots.candidates(run.getDevice());
            if (candidates.isEmpty()) {
                transitions.fail(run.getId(), slots.unavailable(run.getDevice()));
                continue;
            }
            // in queue order, each run takes the first free slot it may use: a later run never overtakes an
            // earlier one on the same device
            Optional<String> slot = candidates.stream().filter(free::contains).findFirst();
            if (slot.isPresent() && start(run, slot.get())) {
                free.remove(slot.get());
            }
        }
    }

    private boolean start(TrainingRun run, String slot) {
        String device = DeviceSlots.engineDevice(slot);
        boolean started;
        try {
            // the claim and the job are stored in one transaction: a run holds a slot exactly when its job exists
            started = Boolean.TRUE.equals(transaction.execute(status -> {
                if (runs.claim(run.getId(), slot, device, RunStatus.QUEUED, RunStatus.RUNNING) == 0) {
                    return false;
                }
                triggers.startRun(run.getId());
                return true;
            }));
        } catch (DataIntegrityViolationException taken) {
            LOG.debug("slot {} was taken meanwhile", slot);
            return false;
        }
        if (started) {
            activity.append(run, "started on " + slot + (run.getAttempts() > 0 ? " (attempt " + (run.getAttempts() + 1)
                    + ", resuming from the last checkpoint)" : ""));
            events.publish(new RunEvent.StateChanged(run.getId(), RunStatus.RUNNING, null));
        }
        return started;
    }
}
