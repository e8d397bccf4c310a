package dev.bertlab.compare;

import dev.bertlab.engine.train.KnobGroup;
import java.util.List;

/**
 * One hyperparameter across the compared runs.
 *
 * @param key snake_case name
 * @param group its section
 * @param values its text per run, in run order
 * @param differs whether any two runs disagree
 */
public record HyperparameterRow(String key, KnobGroup group, List<String> values, boolean differs) {

    public HyperparameterRow {
        values = List.copyOf(values);
    }
}
