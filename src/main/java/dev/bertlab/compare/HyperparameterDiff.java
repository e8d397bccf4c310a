package dev.bertlab.compare;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.Knob;
import dev.bertlab.engine.train.Knobs;
import java.util.ArrayList;
import java.util.List;

/**
 * Hyperparameters side by side. Values are compared as the form writes them, so 2e-5 and 0.00002 are one value
 * and an unset greater_is_better equals the one the metric implies.
 */
public final class HyperparameterDiff {

    private HyperparameterDiff() {
    }

    /** One row per hyperparameter, in form order. */
    public static List<HyperparameterRow> rows(List<Hyperparameters> runs) {
        List<HyperparameterRow> rows = new ArrayList<>();
        for (Knob<?> knob : Knobs.all()) {
            List<String> values = runs.stream().map(run -> run.textOf(knob)).toList();
            rows.add(new HyperparameterRow(knob.key(), knob.group(), values,
                    values.stream().distinct().count() > 1));
        }
        return rows;
    }

    /** Only the rows where the runs disagree. */
    public static List<HyperparameterRow> differing(List<Hyperparameters> runs) {
        return rows(runs).stream().filter(HyperparameterRow::differs).toList();
    }
}
