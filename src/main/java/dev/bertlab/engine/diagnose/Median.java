package dev.bertlab.engine.diagnose;

import java.util.Collection;

/**
 * The median of the rules' running windows (collections of boxed values), by Commons Statistics: the robust centre
 * the spike rules compare against (one spike does not move it).
 */
final class Median {

    private static final org.apache.commons.statistics.descriptive.Median MEDIAN =
            org.apache.commons.statistics.descriptive.Median.withDefaults();

    private Median() {
    }

    /** NaN for no values. */
    static double of(Collection<Double> values) {
        return MEDIAN.evaluate(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
