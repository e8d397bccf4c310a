package dev.bertlab.engine.calibration;

import java.util.Random;

/**
 * A test fixture with a known calibration: each example gets "true" logits z (independent normals), its gold
 * class is drawn from softmax(z), so softmax(z) is perfectly calibrated by construction. The classifier reports
 * {@code trueTemperature * z}: with 2.5 it is over-confident and the temperature that undoes it is 2.5.
 */
final class SyntheticClassifier {

    private SyntheticClassifier() {
    }

    static LabeledLogits logits(int examples, int classes, double spread, double trueTemperature, long seed) {
        Random random = new Random(seed);
        double[][] reported = new double[examples][classes];
        int[] gold = new int[examples];
        for (int i = 0; i < examples; i++) {
            double[] z = new double[classes];
            for (int c = 0; c < classes; c++) {
                z[c] = spread * random.nextGaussian();
                reported[i][c] = trueTemperature * z[c];
            }
            gold[i] = draw(LabeledLogits.softmax(z, 1), random.nextDouble());
        }
        return new LabeledLogits(reported, gold);
    }

    private static int draw(double[] probabilities, double uniform) {
        double cumulative = 0;
        for (int c = 0; c < probabilities.length - 1; c++) {
            cumulative += probabilities[c];
            if (uniform < cumulative) {
                return c;
            }
        }
        return probabilities.length - 1;
    }
}
