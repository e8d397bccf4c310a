package dev.bertlab.sweep;

import dev.bertlab.engine.sweep.SearchSpace;
import dev.bertlab.engine.sweep.SweepPlan;
import java.time.Instant;

/**
 * What a person asks for when starting a sweep.
 *
 * @param name a name for the batch
 * @param experimentId the experiment whose settings every trial starts from
 * @param space the varied hyperparameters and their values
 * @param strategy grid or random search
 * @param budget the most runs the sweep may start
 * @param metric the test metric the trials are ranked by (accuracy, f1, f1_macro, loss, ...)
 * @param seed the random search's seed
 * @param startAt when the runs may start (e.g. tonight at 01:00); null: now
 */
public record SweepRequest(String name, long experimentId, SearchSpace space, SweepPlan.Strategy strategy, int budget,
        String metric, long seed, Instant startAt) {
}
