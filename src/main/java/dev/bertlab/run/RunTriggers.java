package dev.bertlab.run;

import java.time.Instant;
import java.util.Date;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Asking for a look at the queue: now, on this node, or at the time a scheduled run is due (a Quartz trigger in the
 * JDBC job store, so that it survives restarts; in a cluster it fires on one node, and the others look at their
 * next periodic look).
 */
@Component
public class RunTriggers {

    static final JobKey DISPATCH = JobKey.jobKey("dispatch", "bertlab");
    static final String RUNS_GROUP = "runs";

    private static final Logger LOG = LoggerFactory.getLogger(RunTriggers.class);

    private final Scheduler scheduler;
    private final ApplicationEventPublisher publisher;

    public RunTriggers(Scheduler scheduler, ApplicationEventPublisher publisher) {
        this.scheduler = scheduler;
        this.publisher = publisher;
    }

    static TriggerKey dispatchAtKey(long runId) {
        return TriggerKey.triggerKey("at-run-" + runId, "dispatch");
    }

    /** Asks this node's dispatcher to look at the queue now (its periodic look covers the other nodes). */
    public void dispatchSoon() {
        publisher.publishEvent(new DispatchRequested());
    }

    /** A request for a look at the queue, heard by {@link RunDispatcher}. */
    public record DispatchRequested() {
    }

    /**
     * {@link #dispatchSoon()} once the current transaction has committed, so that the dispatcher sees what it
     * wrote (at once without a transaction).
     */
    public void dispatchAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatchSoon();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatchSoon();
            }
        });
    }

    /** Asks the dispatcher to look at the queue when a run scheduled for {@code when} is due. */
    public void dispatchAt(long runId, Instant when) {
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(dispatchAtKey(runId)).forJob(DISPATCH)
                .startAt(Date.from(when))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            if (scheduler.checkExists(trigger.getKey())) {
                scheduler.rescheduleJob(trigger.getKey(), trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule run " + runId + " for " + when + ": " + e.getMessage(), e);
        }
    }

    public void forgetDispatchAt(long runId) {
        try {
            scheduler.unscheduleJob(dispatchAtKey(runId));
        } catch (SchedulerException e) {
            LOG.debug("could not remove the start trigger of run {}: {}", runId, e.getMessage());
        }
    }

    /**
     * Removes the per-run jobs that versions before run leases stored (one per running run, for Quartz's
     * recovery; the lease now says which node trains a run) and their cluster-wide dispatch tick.
     */
    public void deleteLegacyRunJobs() {
        try {
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(RUNS_GROUP))) {
                scheduler.deleteJob(key);
            }
            scheduler.unscheduleJob(TriggerKey.triggerKey("dispatch-tick", "bertlab")); // now each node's own look
        } catch (SchedulerException e) {
            LOG.debug("could not delete the jobs and triggers of earlier versions: {}", e.getMessage());
        }
    }
}
