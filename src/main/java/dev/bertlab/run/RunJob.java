package dev.bertlab.run;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * Trains one run. Its key names the run, so Quartz never executes two of them for one run at once; a recovery
 * after a crash ({@link JobExecutionContext#isRecovering()}) resumes from the last checkpoint.
 */
@DisallowConcurrentExecution
public class RunJob implements Job {

    private final RunExecution execution;

    public RunJob(RunExecution execution) {
        this.execution = execution;
    }

    @Override
    public void execute(JobExecutionContext context) {
        execution.execute(context.getMergedJobDataMap().getLong(RunTriggers.RUN_ID), context.isRecovering());
    }
}
