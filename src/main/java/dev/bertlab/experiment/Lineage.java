package dev.bertlab.experiment;

import java.util.List;

/**
 * An experiment with the experiments refined from it, recursively: a family tree.
 *
 * @param experiment this node
 * @param children its refinements, oldest first
 */
public record Lineage(Experiment experiment, List<Lineage> children) {

    public Lineage {
        children = List.copyOf(children);
    }

    /** Experiments in the tree, this one included. */
    public int size() {
        return 1 + children.stream().mapToInt(Lineage::size).sum();
    }
}
