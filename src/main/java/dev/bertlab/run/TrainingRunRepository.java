package dev.bertlab.run;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.transaction.annotation.Transactional;

public interface TrainingRunRepository extends JpaRepository<TrainingRun, Long> {

    List<TrainingRun> findByExperimentIdOrderByIdDesc(Long experimentId);

    List<TrainingRun> findByStatusIn(Collection<RunStatus> statuses);

    List<TrainingRun> findAllByOrderByIdDesc();

    List<TrainingRun> findBySweepId(Long sweepId);

    List<TrainingRun> findByStatusOrderByIdDesc(RunStatus status);

    /** Queued runs whose time has come, first come first served. */
    @Query("select r from TrainingRun r where r.status = :queued and r.cancelRequested = false"
            + " and (r.scheduledFor is null or r.scheduledFor <= :now) order by r.queuedAt, r.id")
    List<TrainingRun> findDue(@Param("queued") RunStatus queued, @Param("now") Instant now);

    /** Rows of (status, count), for the runs of each state. */
    @Query("select r.status, count(r) from TrainingRun r group by r.status")
    List<Object[]> countByStatus();

    @Query("select r.slot from TrainingRun r where r.slot is not null")
    List<String> findHeldSlots();

    @Query("select r.cancelRequested from TrainingRun r where r.id = :id")
    Boolean isCancelRequested(@Param("id") long id);

    /**
     * Takes a device slot for a queued run. Conditional, so that a run is claimed once; the unique index on the
     * slot makes a second claim of the same slot fail.
     *
     * @return 1 when claimed, 0 when the run was no longer queued or was cancelled meanwhile
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("update TrainingRun r set r.status = :running, r.slot = :slot, r.device = :device"
            + " where r.id = :id and r.status = :queued and r.cancelRequested = false")
    int claim(@Param("id") long id, @Param("slot") String slot, @Param("device") String device,
            @Param("queued") RunStatus queued, @Param("running") RunStatus running);

    /** Progress as the engine reports it; only these columns, so a concurrent cancel request is never lost. */
    @Modifying
    @Transactional
    @Query("update TrainingRun r set r.step = :step, r.totalSteps = :total, r.epoch = :epoch, r.epochs = :epochs,"
            + " r.etaSeconds = :eta where r.id = :id")
    int recordProgress(@Param("id") long id, @Param("step") int step, @Param("total") int totalSteps,
            @Param("epoch") int epoch, @Param("epochs") int epochs, @Param("eta") Double etaSeconds);

    @Modifying
    @Transactional
    @Query("update TrainingRun r set r.cancelRequested = true where r.id = :id and r.status in :live")
    int requestCancel(@Param("id") long id, @Param("live") Collection<RunStatus> live);
}
