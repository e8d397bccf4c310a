package dev.bertlab.run;

import java.util.Map;
import java.util.Set;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.SchedulerConfigException;
import org.quartz.Trigger;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.spi.ClassLoadHelper;
import org.quartz.spi.OperableTrigger;
import org.quartz.spi.SchedulerSignaler;
import org.springframework.scheduling.quartz.LocalDataSourceJobStore;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Spring's job store, which writes triggers in the caller's transaction, plus a wake-up of the scheduler thread
 * once that transaction has committed. Quartz wakes its thread as soon as a trigger is stored, before the commit;
 * a thread that looks then does not see the trigger and sleeps its idle wait (20-30 s), so a new or re-enabled
 * schedule missed its first firings some of the time (and the only firings of a short test).
 */
public class WakingJobStore extends LocalDataSourceJobStore {

    private volatile SchedulerSignaler signaler;

    @Override
    public void initialize(ClassLoadHelper loadHelper, SchedulerSignaler signaler) throws SchedulerConfigException {
        this.signaler = signaler;
        super.initialize(loadHelper, signaler);
    }

    @Override
    public void storeJobAndTrigger(JobDetail job, OperableTrigger trigger) throws JobPersistenceException {
        super.storeJobAndTrigger(job, trigger);
        wakeAfterCommit();
    }

    @Override
    public void storeTrigger(OperableTrigger trigger, boolean replaceExisting) throws JobPersistenceException {
        super.storeTrigger(trigger, replaceExisting);
        wakeAfterCommit();
    }

    @Override
    public void storeJobsAndTriggers(Map<JobDetail, Set<? extends Trigger>> triggersAndJobs, boolean replace)
            throws JobPersistenceException {
        super.storeJobsAndTriggers(triggersAndJobs, replace);
        wakeAfterCommit();
    }

    @Override
    public boolean replaceTrigger(TriggerKey key, OperableTrigger trigger) throws JobPersistenceException {
        boolean replaced = super.replaceTrigger(key, trigger);
        wakeAfterCommit();
        return replaced;
    }

    @Override
    public void resumeTrigger(TriggerKey key) throws JobPersistenceException {
        super.resumeTrigger(key);
        wakeAfterCommit();
    }

    @Override
    public void resumeJob(JobKey key) throws JobPersistenceException {
        super.resumeJob(key);
        wakeAfterCommit();
    }

    @Override
    public Set<String> resumeTriggers(GroupMatcher<TriggerKey> matcher) throws JobPersistenceException {
        Set<String> groups = super.resumeTriggers(matcher);
        wakeAfterCommit();
        return groups;
    }

    @Override
    public Set<String> resumeJobs(GroupMatcher<JobKey> matcher) throws JobPersistenceException {
        Set<String> groups = super.resumeJobs(matcher);
        wakeAfterCommit();
        return groups;
    }

    @Override
    public void resumeAll() throws JobPersistenceException {
        super.resumeAll();
        wakeAfterCommit();
    }

    /** Outside a transaction the write has committed already, and Quartz's own wake-up sees it. */
    private void wakeAfterCommit() {
        SchedulerSignaler wake = signaler;
        if (wake == null || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                wake.signalSchedulingChange(0L); // 0: the earliest time is not known, look at the store again
            }
        });
    }
}
