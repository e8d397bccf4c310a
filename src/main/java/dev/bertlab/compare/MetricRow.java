package dev.bertlab.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One final metric across the compared runs, with each run's difference to the first.
 *
 * @param split validation or test
 * @param metric its name (accuracy, f1, loss...)
 * @param values per run, in run order; null where a run lacks it
 */
public record MetricRow(String split, String metric, List<Double> values) {

    public MetricRow {
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** Run {@code index}'s value minus the first run's; null when either is missing. */
    public Double delta(int index) {
        Double first = values.get(0);
        Double value = values.get(index);
        return first == null || value == null ? null : value - first;
    }

    /** Whether a larger value is the better one (losses and errors are better small). */
    public boolean higherIsBetter() {
        return MetricDirection.higherIsBetter(metric);
    }
}
