package dev.bertlab.engine.calibration;

import java.util.function.DoubleUnaryOperator;

/**
 * The minimum of a unimodal function on an interval by golden-section search: each step keeps the part of the
 * bracket that must hold the minimum and shrinks it by 0.618, with one new evaluation. Slower than Newton but it
 * needs no derivative and cannot overshoot or diverge.
 */
final class GoldenSectionSearch {

    private static final double INVERSE_PHI = (Math.sqrt(5) - 1) / 2;

    private GoldenSectionSearch() {
    }

    /** The x in [lower, upper] where {@code f} is smallest, to within {@code tolerance}. */
    static double minimise(DoubleUnaryOperator f, double lower, double upper, double tolerance) {
        if (!(lower < upper) || !(tolerance > 0)) {
            throw new IllegalArgumentException("need lower < upper and tolerance > 0, got [" + lower + ", " + upper
                    + "] and " + tolerance);
        }
        double a = lower;
        double b = upper;
        double c = b - INVERSE_PHI * (b - a);
        double d = a + INVERSE_PHI * (b - a);
        double fc = f.applyAsDouble(c);
        double fd = f.applyAsDouble(d);
        while (b - a > tolerance) {
            if (fc <= fd) {
                b = d;
                d = c;
                fd = fc;
                c = b - INVERSE_PHI * (b - a);
                fc = f.applyAsDouble(c);
            } else {
                a = c;
                c = d;
                fc = fd;
                d = a + INVERSE_PHI * (b - a);
                fd = f.applyAsDouble(d);
            }
        }
        double middle = (a + b) / 2;
        // the bracket may have collapsed onto a bound: compare with the bounds themselves
        double best = middle;
        double fBest = f.applyAsDouble(middle);
        for (double bound : new double[] {lower, upper}) {
            double fBound = f.applyAsDouble(bound);
            if (fBound < fBest) {
                best = bound;
                fBest = fBound;
            }
        }
        return best;
    }
}
