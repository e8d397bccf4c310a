package dev.bertlab.compare;

import java.util.List;

/**
 * Two or more runs side by side: hyperparameters, final metrics with deltas against the first run, the best and
 * last value of each logged metric, and each run's files (curves, confusion matrix).
 */
public record RunComparison(List<ComparedRun> runs, List<HyperparameterRow> hyperparameters,
        List<MetricRow> metrics, List<MetricHistory> histories) {
}
