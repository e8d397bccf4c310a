package dev.bertlab.engine.significance;

/**
 * A paired bootstrap of two runs on one test set.
 *
 * @param examples  examples in the test set (each resample draws this many, with replacement)
 * @param resamples resamples drawn
 * @param seed      seed of the draws: the same seed gives the same intervals
 * @param accuracy  difference in accuracy, B - A
 * @param f1        difference in F1 (positive class for two labels, macro otherwise), B - A
 */
public record PairedBootstrapResult(int examples, int resamples, long seed, BootstrapDifference accuracy,
                                    BootstrapDifference f1) {
}
