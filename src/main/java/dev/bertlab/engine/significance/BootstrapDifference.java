package dev.bertlab.engine.significance;

/**
 * How much run B beats run A on one score, with a paired-bootstrap 95% percentile interval.
 *
 * @param metric       "accuracy", "F1" (positive class, two labels) or "macro F1"
 * @param scoreA       run A's score on the whole test set
 * @param scoreB       run B's score on the whole test set
 * @param difference   scoreB - scoreA: positive when B is better
 * @param lower        2.5th percentile of the resampled differences
 * @param upper        97.5th percentile of the resampled differences
 * @param excludesZero whether the interval lies entirely above or entirely below 0
 */
public record BootstrapDifference(String metric, double scoreA, double scoreB, double difference, double lower,
                                  double upper, boolean excludesZero) {

    public BootstrapDifference {
        if (lower > upper) {
            throw new IllegalArgumentException("interval lower bound " + lower + " is above its upper bound "
                    + upper);
        }
    }

    static BootstrapDifference of(String metric, double scoreA, double scoreB, double lower, double upper) {
        return new BootstrapDifference(metric, scoreA, scoreB, scoreB - scoreA, lower, upper, lower > 0 || upper < 0);
    }
}
