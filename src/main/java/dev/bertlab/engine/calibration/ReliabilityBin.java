package dev.bertlab.engine.calibration;

/**
 * One confidence bin of a reliability diagram: the examples whose confidence lies in (lower, upper] (the first
 * bin also holds confidence 0).
 *
 * @param lower          lower edge of the bin
 * @param upper          upper edge of the bin
 * @param count          examples in the bin
 * @param meanConfidence mean confidence of those examples; null when the bin is empty
 * @param accuracy       fraction of them predicted correctly; null when the bin is empty
 */
public record ReliabilityBin(double lower, double upper, int count, Double meanConfidence, Double accuracy) {

    /** |accuracy - mean confidence|, 0 for an empty bin (it weighs nothing in the calibration error). */
    public double gap() {
        return count == 0 ? 0 : Math.abs(accuracy - meanConfidence);
    }
}
