package dev.bertlab.run;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** Hands free device slots to queued runs. Never two at once, so two threads never give away one slot. */
@DisallowConcurrentExecution
public class DispatchJob implements Job {

    private final RunDispatcher dispatcher;

    public DispatchJob(RunDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @Override
    public void execute(JobExecutionContext context) {
        dispatcher.dispatch();
    }
}
