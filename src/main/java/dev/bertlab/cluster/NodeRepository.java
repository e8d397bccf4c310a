package dev.bertlab.cluster;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface NodeRepository extends JpaRepository<Node, String> {

    List<Node> findAllByOrderByNameAsc();
}
