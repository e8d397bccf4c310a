package dev.bertlab.run;

import dev.bertlab.config.DatabaseConfiguration;
import java.util.Properties;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.springframework.boot.autoconfigure.quartz.QuartzProperties;
import org.springframework.boot.autoconfigure.quartz.SchedulerFactoryBeanCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The dispatcher's job (fired when a scheduled run is due), registered with Quartz at start (kept if already
 * stored), and Quartz's settings for the database it shares.
 */
@Configuration
class RunQuartzConfiguration {

    @Bean
    JobDetail dispatchJob() {
        return JobBuilder.newJob(DispatchJob.class).withIdentity(RunTriggers.DISPATCH).storeDurably()
                .withDescription("hands free device slots to queued runs").build();
    }

    /**
     * On PostgreSQL (cluster mode) the job store is clustered, so that a schedule fires once across the nodes and
     * a dead node's triggers are taken over by another, and uses the delegate that reads PostgreSQL's bytea.
     * Everywhere, the job store wakes the scheduler thread once a new trigger has committed ({@link WakingJobStore}).
     */
    @Bean
    SchedulerFactoryBeanCustomizer quartzSettings(QuartzProperties quartz, DataSource dataSource) {
        return factory -> {
            Properties settings = new Properties();
            settings.putAll(quartz.getProperties());
            settings.setProperty("org.quartz.jobStore.class", WakingJobStore.class.getName());
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
