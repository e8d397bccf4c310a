package dev.bertlab.run;

import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TrainingRunRepository extends JpaRepository<TrainingRun, Long> {

    List<TrainingRun> findByExperimentIdOrderByIdDesc(Long experimentId);

    List<TrainingRun> findByStatusIn(Collection<RunStatus> statuses);

    List<TrainingRun> findAllByOrderByIdDesc();

    List<TrainingRun> findBySweepId(Long sweepId);
}
