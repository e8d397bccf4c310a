package dev.bertlab.run;

import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The per-run job of versions before run leases, kept so that Quartz can still load one left in a database from
 * then (it recovers such jobs at start). It does nothing: at start the node takes its runs left RUNNING back into
 * the queue ({@link RunLifecycle}), and {@link RunTriggers#deleteLegacyRunJobs()} removes these jobs.
 */
public class RunJob implements Job {

    @Override
    public void execute(JobExecutionContext context) {
        // nothing: see the class comment
    }
}
