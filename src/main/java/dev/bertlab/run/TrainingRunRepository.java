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

    /** The slots of one node that its runs hold now. */
    @Query("select r.slot from TrainingRun r where r.slot is not null and r.workerNode = :node")
    List<String> findHeldSlots(@Param("node") String node);

    /** Running runs whose lease has run out (or that never had one: rows from before leases). */
    @Query("select r from TrainingRun r where r.status = :running and (r.leaseUntil is null or r.leaseUntil < :now)")
    List<TrainingRun> findLeaseExpired(@Param("running") RunStatus running, @Param("now") Instant now);

    /** Running runs that another node than {@code node} trains. */
    @Query("select r from TrainingRun r where r.status = :running and r.workerNode is not null and r.workerNode <> :node")
    List<TrainingRun> findRunningElsewhere(@Param("running") RunStatus running, @Param("node") String node);

    /** Running runs that {@code node} claimed (or that no node claimed: rows from before leases). */
    @Query("select r from TrainingRun r where r.status = :running and (r.workerNode = :node or r.workerNode is null)")
    List<TrainingRun> findRunningOn(@Param("running") RunStatus running, @Param("node") String node);

    @Query("select r.cancelRequested from TrainingRun r where r.id = :id")
    Boolean isCancelRequested(@Param("id") long id);

    /**
     * Takes a device slot of {@code node} for a queued run, under a lease until {@code leaseUntil}. Conditional, so
     * that a run is claimed once however many nodes try; the unique index on (node, slot) makes a second claim of
     * the same slot fail.
     *
     * @return 1 when claimed, 0 when the run was no longer queued or was cancelled meanwhile
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Transactional
    @Query("update TrainingRun r set r.status = :running, r.slot = :slot, r.device = :device, r.workerNode = :node,"
            + " r.workerPid = null, r.leaseUntil = :leaseUntil"
            + " where r.id = :id and r.status = :queued and r.cancelRequested = false")
    int claim(@Param("id") long id, @Param("node") String node, @Param("slot") String slot,
            @Param("device") String device, @Param("leaseUntil") Instant leaseUntil,
            @Param("queued") RunStatus queued, @Param("running") RunStatus running);

    /** @return 1 when {@code node} still holds the running run and its lease now lasts until {@code until} */
    @Modifying
    @Transactional
    @Query("update TrainingRun r set r.leaseUntil = :until"
            + " where r.id = :id and r.workerNode = :node and r.status = :running")
    int renewLease(@Param("id") long id, @Param("node") String node, @Param("until") Instant until,
            @Param("running") RunStatus running);

    /**
     * Takes a running run whose lease has expired back into the queue. Conditional, so that of several nodes that
     * notice, one does.
     *
     * @return 1 when this call took it back
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update TrainingRun r set r.status = :queued, r.slot = null, r.leaseUntil = null, r.etaSeconds = null"
            + " where r.id = :id and r.status = :running and (r.leaseUntil is null or r.leaseUntil < :now)")
    int releaseExpired(@Param("id") long id, @Param("now") Instant now, @Param("running") RunStatus running,
            @Param("queued") RunStatus queued);

    /**
     * Takes a running run that {@code node} claimed in an earlier life (it restarted: nothing trains it) back into
     * the queue, whatever its lease says.
     */
    @Modifying(flushAutomatically = true, clearAutomatically = true)
    @Query("update TrainingRun r set r.status = :queued, r.slot = null, r.leaseUntil = null, r.etaSeconds = null"
            + " where r.id = :id and r.status = :running and (r.workerNode = :node or r.workerNode is null)")
    int releaseOwn(@Param("id") long id, @Param("node") String node, @Param("running") RunStatus running,
            @Param("queued") RunStatus queued);

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
