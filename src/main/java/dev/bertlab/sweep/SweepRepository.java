package dev.bertlab.sweep;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SweepRepository extends JpaRepository<Sweep, Long> {

    List<Sweep> findAllByOrderByIdDesc();
}
