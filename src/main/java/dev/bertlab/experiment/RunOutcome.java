package dev.bertlab.experiment;

/**
 * What a run's state comes to on the experiment pages: a result to compare, a failure, a run stopped on purpose, or
 * one not finished yet. The experiment feature's own word for it, since the run feature's states are out of its
 * reach (runs depend on experiments, not the other way round).
 */
public enum RunOutcome {
    LIVE, SUCCEEDED, FAILED, CANCELLED
}
