package dev.bertlab.compare;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The best and the last value a metric took during each run's training (from its training log).
 *
 * @param metric training loss, or a validation metric
 * @param best per run: the lowest loss or highest score; null where the run never logged it
 * @param last per run: the value at the last logged step
 */
public record MetricHistory(String metric, List<Double> best, List<Double> last) {

    public MetricHistory {
        best = Collections.unmodifiableList(new ArrayList<>(best));
        last = Collections.unmodifiableList(new ArrayList<>(last));
    }
}
