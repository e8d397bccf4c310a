package dev.bertlab.engine.predict;

/** How far two runtimes' outputs for the same inputs lie apart: the check that an exported graph is the model. */
public final class OutputComparison {

    private OutputComparison() {
    }

    /** The largest absolute difference between corresponding elements of two equally shaped output tables. */
    public static double largestDifference(float[][] expected, float[][] actual) {
        if (expected.length != actual.length) {
            throw new IllegalArgumentException(expected.length + " rows against " + actual.length);
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            if (expected[i].length != actual[i].length) {
                throw new IllegalArgumentException("row " + i + ": " + expected[i].length + " outputs against "
                        + actual[i].length);
            }
            for (int j = 0; j < expected[i].length; j++) {
                worst = Math.max(worst, Math.abs(expected[i][j] - actual[i][j]));
            }
        }
        return worst;
    }
}
