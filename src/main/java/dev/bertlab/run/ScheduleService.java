package dev.bertlab.run;

import dev.bertlab.experiment.ExperimentService;
import dev.bertlab.security.Role;
import dev.bertlab.security.SystemAuthentication;
import jakarta.annotation.security.RolesAllowed;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TimeZone;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Standing orders to run an experiment on a cron schedule. Each schedule row has a Quartz cron trigger in the
 * same database (stored in the same transaction); a disabled schedule's trigger is paused. When a trigger
 * fires, a run of the experiment is queued like any other.
 */
@Service
public class ScheduleService {

    static final String GROUP = "schedules";
    static final String SCHEDULE_ID = "scheduleId";
    private static final Logger LOG = LoggerFactory.getLogger(ScheduleService.class);

    /**
     * A schedule with its next firing.
     *
     * @param nextRun when it fires next, or null when disabled or never again
     */
    public record Entry(Schedule schedule, Instant nextRun) {
    }

    /** A sweep's schedule fired: the sweeps feature queues its runs. */
    public record SweepScheduleDue(long scheduleId, long sweepId, String user) {
    }

    private final ScheduleRepository schedules;
    private final ExperimentService experiments;
    private final RunService runs;
    private final Scheduler scheduler;
    private final ApplicationEventPublisher publisher;

    public ScheduleService(ScheduleRepository schedules, ExperimentService experiments, RunService runs,
            Scheduler scheduler, ApplicationEventPublisher publisher) {
        this.schedules = schedules;
        this.experiments = experiments;
        this.runs = runs;
        this.scheduler = scheduler;
        this.publisher = publisher;
    }

    static JobKey jobKey(long scheduleId) {
        return JobKey.jobKey("schedule-" + scheduleId, GROUP);
    }

    static TriggerKey triggerKey(long scheduleId) {
        return TriggerKey.triggerKey("schedule-" + scheduleId, GROUP);
    }

    /**
     * Runs the experiment on a cron schedule.
     *
     * @param cron five Unix fields ({@code 0 1 * * *}), a Quartz expression, or "nightly" (01:00)
     * @param description what people see; empty: the cron expression
     * @throws InvalidScheduleException for a bad cron expression
     */
    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public Schedule create(long experimentId, String cron, String description, String user) {
        return create(experimentId, null, cron, description, user);
    }

    /** A schedule of a sweep: when it fires, {@link SweepScheduleDue} is published instead of a run queued. */
    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public Schedule createForSweep(long experimentId, long sweepId, String cron, String description, String user) {
        return create(experimentId, sweepId, cron, description, user);
    }

    private Schedule create(long experimentId, Long sweepId, String cron, String description, String user) {
        experiments.get(experimentId);
        String quartzCron = CronText.toQuartz(cron);
        Schedule schedule = new Schedule();
        schedule.setExperimentId(experimentId);
        schedule.setSweepId(sweepId);
        schedule.setCron(quartzCron);
        schedule.setDescription(description == null || description.isBlank() ? "cron " + quartzCron
                : description.strip());
        schedule.setCreatedBy(user);
        schedule.setCreatedAt(Instant.now());
        schedule = schedules.save(schedule);
        store(schedule);
        return schedule;
    }

    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public Schedule setEnabled(long scheduleId, boolean enabled) {
        Schedule schedule = get(scheduleId);
        schedule.setEnabled(enabled);
        try {
            if (enabled) {
                scheduler.resumeTrigger(triggerKey(scheduleId));
            } else {
                scheduler.pauseTrigger(triggerKey(scheduleId));
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot " + (enabled ? "enable" : "disable") + " schedule " + scheduleId
                    + ": " + e.getMessage(), e);
        }
        return schedule;
    }

    @Transactional
    @RolesAllowed(Role.Names.EDITOR)
    public void delete(long scheduleId) {
        Schedule schedule = get(scheduleId);
        schedules.delete(schedule);
        try {
            scheduler.deleteJob(jobKey(scheduleId));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot delete schedule " + scheduleId + ": " + e.getMessage(), e);
        }
    }

    public List<Entry> all() {
        return schedules.findAllByOrderByIdAsc().stream().map(this::entry).toList();
    }

    public List<Entry> forExperiment(long experimentId) {
        return schedules.findByExperimentIdOrderByIdAsc(experimentId).stream().map(this::entry).toList();
    }

    public Schedule get(long scheduleId) {
        return schedules.findById(scheduleId)
                .orElseThrow(() -> new IllegalArgumentException("no schedule " + scheduleId));
    }

    /** When the schedule fires next; empty when disabled or never again. */
    public Optional<Instant> nextRun(long scheduleId) {
        try {
            Trigger trigger = scheduler.getTrigger(triggerKey(scheduleId));
            if (trigger == null || scheduler.getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED) {
                return Optional.empty();
            }
            return Optional.ofNullable(trigger.getNextFireTime()).map(Date::toInstant);
        } catch (SchedulerException e) {
            return Optional.empty();
        }
    }

    /** The schedule's trigger fired: queue a run (or, for a sweep, tell the sweeps feature). */
    void fire(long scheduleId) {
        Optional<Schedule> found = schedules.findById(scheduleId);
        if (found.isEmpty() || !found.get().isEnabled()) {
            return;
        }
        Schedule schedule = found.get();
        if (schedule.getSweepId() != null) {
            publisher.publishEvent(new SweepScheduleDue(scheduleId, schedule.getSweepId(), schedule.getCreatedBy()));
            return;
        }
        try {
            // Quartz's thread has no user: the schedule acts for its creator through the same checked service
            SystemAuthentication.callAs(Role.EDITOR, () -> runs.runNow(schedule.getExperimentId(),
                    schedule.getCreatedBy()));
        } catch (RuntimeException e) {
            LOG.warn("schedule {} ({}) could not queue a run of experiment {}: {}", scheduleId,
                    schedule.getDescription(), schedule.getExperimentId(), e.getMessage());
        }
    }

    /**
     * Makes Quartz agree with the schedule table at start: a missing trigger is stored again, a paused state
     * follows the enabled flag, and a trigger whose schedule row is gone is removed.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void reconcile() {
        try {
            Set<JobKey> known = new HashSet<>();
            for (Schedule schedule : schedules.findAll()) {
                known.add(jobKey(schedule.getId()));
                Trigger trigger = scheduler.getTrigger(triggerKey(schedule.getId()));
                if (!(trigger instanceof CronTrigger cron) || !cron.getCronExpression().equals(schedule.getCron())) {
                    LOG.info("storing the Quartz trigger of schedule {} again", schedule.getId());
                    store(schedule);
                } else if (schedule.isEnabled()
                        == (scheduler.getTriggerState(trigger.getKey()) == Trigger.TriggerState.PAUSED)) {
                    if (schedule.isEnabled()) {
                        scheduler.resumeTrigger(trigger.getKey());
                    } else {
                        scheduler.pauseTrigger(trigger.getKey());
                    }
                }
            }
            for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(GROUP))) {
                if (!known.contains(key)) {
                    scheduler.deleteJob(key);
                }
            }
        } catch (SchedulerException e) {
            LOG.warn("cannot check the schedules' triggers: {}", e.getMessage());
        }
    }

    private void store(Schedule schedule) {
        JobDetail job = JobBuilder.newJob(ScheduledRunJob.class).withIdentity(jobKey(schedule.getId()))
                .withDescription(schedule.getDescription()).usingJobData(SCHEDULE_ID, schedule.getId()).build();
        // a night the application was down still gets its run, once, when it is back
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(triggerKey(schedule.getId())).forJob(job)
                .withSchedule(CronScheduleBuilder.cronSchedule(schedule.getCron()).inTimeZone(TimeZone.getDefault())
                        .withMisfireHandlingInstructionFireAndProceed())
                .build();
        try {
            scheduler.scheduleJob(job, Set.of(trigger), true);
            if (!schedule.isEnabled()) {
                scheduler.pauseTrigger(trigger.getKey());
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot store the trigger of schedule " + schedule.getId() + ": "
                    + e.getMessage(), e);
        }
    }

    private Entry entry(Schedule schedule) {
        return new Entry(schedule, nextRun(schedule.getId()).orElse(null));
    }
}
