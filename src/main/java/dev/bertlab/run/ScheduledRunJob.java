package dev.bertlab.run;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** A schedule's cron trigger fired: queue a run of its experiment. */
@DisallowConcurrentExecution
public class ScheduledRunJob implements Job {

    private final ScheduleService schedules;

    public ScheduledRunJob(ScheduleService schedules) {
        this.schedules = schedules;
    }

    @Override
    public void execute(JobExecutionContext context) {
        schedules.fire(context.getMergedJobDataMap().getLong(ScheduleService.SCHEDULE_ID));
    }
}
