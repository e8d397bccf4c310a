package dev.bertlab.operations;

import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/**
 * The run queue's scheduler in the health report (as "scheduler"): a node whose Quartz is not running takes no
 * run, fires no schedule and recovers nothing, so it is not ready.
 */
@Component
class SchedulerHealthIndicator extends AbstractHealthIndicator {

    private final Scheduler scheduler;

    SchedulerHealthIndicator(Scheduler scheduler) {
        super("the scheduler cannot be asked for its state");
        this.scheduler = scheduler;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) throws SchedulerException {
        if (scheduler.isStarted() && !scheduler.isInStandbyMode() && !scheduler.isShutdown()) {
            health.up();
        } else {
            health.down().withDetail("state", scheduler.isShutdown() ? "shut down"
                    : scheduler.isInStandbyMode() ? "standby" : "not started");
        }
    }
}
