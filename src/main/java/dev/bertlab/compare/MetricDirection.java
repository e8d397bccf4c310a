package dev.bertlab.compare;

import java.util.Locale;

/** Which way a metric improves: losses and errors go down, scores go up. */
final class MetricDirection {

    private MetricDirection() {
    }

    static boolean higherIsBetter(String metric) {
        String name = metric.toLowerCase(Locale.ROOT).replaceFirst("^eval_", "");
        return !(name.contains("loss") || name.equals("mse") || name.equals("mae") || name.equals("rmse"));
    }
}
