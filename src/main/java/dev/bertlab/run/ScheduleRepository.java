package dev.bertlab.run;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ScheduleRepository extends JpaRepository<Schedule, Long> {

    List<Schedule> findAllByOrderByIdAsc();

    List<Schedule> findByExperimentIdOrderByIdAsc(Long experimentId);
}
