package dev.bertlab.engine.train;

import java.math.BigDecimal;

/** How numbers are written wherever a person reads or types a knob's value. */
public final class KnobText {

    private KnobText() {
    }

    /** The shortest exact text of a number: 2e-05 as {@code 2e-5}, 3.0 as {@code 3}. */
    public static String decimal(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        String text = Double.toString(value);
        int exponent = text.indexOf('E');
        if (exponent < 0) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        String mantissa = new BigDecimal(text.substring(0, exponent)).stripTrailingZeros().toPlainString();
        return mantissa + "e" + text.substring(exponent + 1);
    }
}
