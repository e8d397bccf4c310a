package dev.bertlab.experiment;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ExperimentRepository extends JpaRepository<Experiment, Long> {

    List<Experiment> findByParentId(Long parentId);

    List<Experiment> findAllByOrderByUpdatedAtDesc();
}
