package dev.bertlab.engine.eval;

/** The predicted class of one probability row. */
final class Argmax {

    private Argmax() {
    }

    /** Index of the largest value; ties go to the lowest index, as numpy's argmax does. */
    static int of(float[] row) {
        int best = 0;
        for (int i = 1; i < row.length; i++) {
            if (row[i] > row[best]) {
                best = i;
            }
        }
        return best;
    }
}
