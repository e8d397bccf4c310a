package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import java.util.Objects;

/**
 * What the curve rules know about a run besides its events.
 *
 * @param hyperparameters the run's knobs; remedies are computed from them
 * @param numLabels classes of the task; 0 for regression (no chance-level loss then)
 * @param expectedSamplesPerSecond this machine's benchmark for the model, or null when none is known
 */
public record RunFacts(Hyperparameters hyperparameters, int numLabels, Double expectedSamplesPerSecond) {

    public RunFacts {
        Objects.requireNonNull(hyperparameters, "hyperparameters");
        if (numLabels < 0 || numLabels == 1) {
            throw new IllegalArgumentException("numLabels must be 0 (regression) or at least 2, got " + numLabels);
        }
        if (expectedSamplesPerSecond != null && !(expectedSamplesPerSecond > 0)) {
            throw new IllegalArgumentException("expected samples per second must be positive, got "
                    + expectedSamplesPerSecond);
        }
    }

    /** A classification run without a throughput benchmark. */
    public static RunFacts classification(Hyperparameters hyperparameters, int numLabels) {
        return new RunFacts(hyperparameters, numLabels, null);
    }

    public RunFacts withExpectedSamplesPerSecond(double samplesPerSecond) {
        return new RunFacts(hyperparameters, numLabels, samplesPerSecond);
    }

    /** The cross-entropy of guessing uniformly: ln(classes); NaN for regression. */
    public double chanceLoss() {
        return numLabels >= 2 ? Math.log(numLabels) : Double.NaN;
    }
}
