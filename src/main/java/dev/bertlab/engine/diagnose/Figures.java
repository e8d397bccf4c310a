package dev.bertlab.engine.diagnose;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Numbers as evidence sentences print them: three significant digits, no trailing zeros. */
final class Figures {

    private Figures() {
    }

    static String number(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.toString(value);
        }
        if (value != 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e6)) {
            return String.format(Locale.ROOT, "%.2e", value).replaceFirst("\\.?0+e", "e");
        }
        return new BigDecimal(value).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }

    static String percent(double share) {
        return number(100 * share) + "%";
    }

    static String value(Object value) {
        if (value instanceof Double d) {
            return number(d);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Figures::value).collect(Collectors.joining(", ", "[", "]"));
        }
        return String.valueOf(value);
    }
}
