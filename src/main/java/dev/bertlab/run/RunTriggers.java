package dev.bertlab.run;

import java.time.Instant;
import java.util.Date;
import java.util.Set;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Quartz side of runs: the dispatcher job (which hands free device slots to queued runs) and one job per
 * started run. Both live in the JDBC job store, in the application's database.
 */
@Component
public class RunTriggers {

    static final JobKey DISPATCH = JobKey.jobKey("dispatch", "bertlab");
    static final TriggerKey DISPATCH_TICK = TriggerKey.triggerKey("dispatch-tick", "bertlab");
    static final String RUNS_GROUP = "runs";
    static final String RUN_ID = "runId";

    private static final Logger LOG = LoggerFactory.getLogger(RunTriggers.class);

    private final Scheduler scheduler;

    public RunTriggers(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    static JobKey runJob(long runId) {
        return JobKey.jobKey("run-" + runId, RUNS_GROUP);
    }

    static TriggerKey dispatchAtKey(long runId) {
        return TriggerKey.triggerKey("at-run-" + runId, "dispatch");
    }

    /** Asks the dispatcher to look at the queue now; the periodic tick covers a failure to ask. */
    public void dispatchSoon() {
        try {
            scheduler.triggerJob(DISPATCH);
        } catch (SchedulerException e) {
            LOG.debug("could not trigger the dispatcher now; its tick will: {}", e.getMessage());
        }
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
     * Stores the job that trains a claimed run and fires it now. It asks for recovery: if the process dies while
     * it trains, Quartz fires it again at the next start and the run resumes from its checkpoint.
     */
    public void startRun(long runId) {
        JobDetail job = JobBuilder.newJob(RunJob.class).withIdentity(runJob(runId))
                .usingJobData(RUN_ID, runId).requestRecovery(true).build();
        Trigger now = TriggerBuilder.newTrigger().withIdentity("run-" + runId, RUNS_GROUP).forJob(job).startNow()
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(now), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the job of run " + runId + ": " + e.getMessage(), e);
        }
    }

    /** Whether Quartz will still execute, or is executing, the job of this run. */
    public boolean hasPendingJob(long runId) {
        try {
            JobKey key = runJob(runId);
            if (!scheduler.checkExists(key)) {
                return false;
            }
            if (!scheduler.getTriggersOfJob(key).isEmpty()) {
                return true;
            }
            for (JobExecutionContext executing : scheduler.getCurrentlyExecutingJobs()) {
                if (executing.getJobDetail().getKey().equals(key)) {
                    return true;
                }
            }
            return false;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the job of run " + runId + ": " + e.getMessage(), e);
        }
    }

    public void deleteRunJob(long runId) {
        try {
            scheduler.deleteJob(runJob(runId));
        } catch (SchedulerException e) {
            LOG.debug("could not delete the job of run {}: {}", runId, e.getMessage());
        }
    }
}
