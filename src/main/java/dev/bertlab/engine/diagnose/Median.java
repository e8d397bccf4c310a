package dev.bertlab.engine.diagnose;

import java.util.Arrays;
import java.util.Collection;

/** The median, the robust centre the spike rules compare against (one spike does not move it). */
final class Median {

    private Median() {
    }

    static double of(Collection<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return of(sorted);
    }

    static double of(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
