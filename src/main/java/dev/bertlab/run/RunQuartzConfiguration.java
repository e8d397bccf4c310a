package dev.bertlab.run;

import dev.bertlab.config.BertLabProperties;
import dev.bertlab.config.DatabaseConfiguration;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The dispatcher's job and its periodic tick, registered with Quartz at start (kept if already stored). */
@Configuration
class RunQuartzConfiguration {

    /** Seconds between two looks at the queue when nothing asks for one (scheduled runs, lost nudges). */
    private static final int TICK_SECONDS = 15;
    private static final String THREAD_COUNT = "org.quartz.threadPool.threadCount";

    @Bean
    JobDetail dispatchJob() {
        return JobBuilder.newJob(DispatchJob.class).withIdentity(RunTriggers.DISPATCH).storeDurably()
                .withDescription("hands free device slots to queued runs").build();
    }

    @Bean
    Trigger dispatchTick(JobDetail dispatchJob) {
        return TriggerBuilder.newTrigger().withIdentity(RunTriggers.DISPATCH_TICK).forJob(dispatchJob)
                .withSchedule(SimpleScheduleBuilder.repeatSecondlyForever(TICK_SECONDS)
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
    }

    /**
     * Every training run holds a Quartz thread for as long as it trains: keep enough threads for all slots plus
     * the dispatcher and the schedules, or a busy machine would stop looking at its queue. On PostgreSQL (cluster
     * mode) the job store is clustered, so that a schedule fires once across the nodes and a dead node's jobs are
     * recovered by another, and uses the delegate that reads PostgreSQL's bytea.
     */
    @Bean
    SchedulerFactoryBeanCustomizer quartzSettings(QuartzProperties quartz, BertLabProperties properties,
            DataSource dataSource) {
        return factory -> {
            Properties settings = new Properties();
            settings.putAll(quartz.getProperties());
            int configured = Integer.parseInt(settings.getProperty(THREAD_COUNT, "10"));
            int needed = properties.cpuSlots() + 8; // GPU slots are counted later: eight is plenty of room
            settings.setProperty(THREAD_COUNT, Integer.toString(Math.max(configured, needed)));
            if (DatabaseConfiguration.isPostgreSql(dataSource)) {
                settings.setProperty("org.quartz.jobStore.driverDelegateClass",
                        "org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
                settings.setProperty("org.quartz.jobStore.isClustered", "true");
                settings.setProperty("org.quartz.scheduler.instanceId", "AUTO");
            }
            factory.setQuartzProperties(settings);
        };
    }
}
