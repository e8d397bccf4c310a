package dev.bertlab.engine.eval;

/**
 * Mean negative log-likelihood of the gold classes, as scikit-learn's {@code log_loss}: each probability is
 * clipped to [eps, 1 - eps], each row renormalized to sum to 1, then the log of the gold class's value taken.
 */
final class LogLoss {

    /**
     * scikit-learn 1.2's default eps. From 1.3 its default is "auto" (the machine epsilon of the input's dtype);
     * a fixed value keeps the loss independent of whether probabilities arrive as float or double, and bounds
     * a confidently wrong example at -log(1e-15), about 34.5.
     */
    static final double EPS = 1e-15;

    private LogLoss() {
    }

    static double of(ClassifierOutputs outputs) {
        double total = 0;
        int[] gold = outputs.gold();
        double[][] probabilities = outputs.probabilities();
        for (int example = 0; example < gold.length; example++) {
            double[] row = probabilities[example];
            double rowSum = 0;
            for (double p : row) {
                rowSum += clip(p);
            }
            total -= Math.log(clip(row[gold[example]]) / rowSum);
        }
        return total / gold.length;
    }

    private static double clip(double p) {
        return Math.min(Math.max(p, EPS), 1 - EPS);
    }
}
