package dev.bertlab.engine.train;

/**
 * The numbers a knob accepts, kept as data rather than a predicate so that the same bounds are checked, written in
 * the refusal message and published in the REST schema.
 *
 * @param min lower bound, null for none
 * @param minInclusive whether {@code min} itself is allowed
 * @param max upper bound, null for none
 * @param maxInclusive whether {@code max} itself is allowed
 */
public record KnobRange(Double min, boolean minInclusive, Double max, boolean maxInclusive) {

    /** min to max, both allowed. */
    public static KnobRange between(double min, double max) {
        return new KnobRange(min, true, max, true);
    }

    /** [min, max): the usual range of a rate or a share. */
    public static KnobRange fromUpTo(double min, double maxExcluded) {
        return new KnobRange(min, true, maxExcluded, false);
    }

    /** (min, max]. */
    public static KnobRange aboveAtMost(double minExcluded, double max) {
        return new KnobRange(minExcluded, false, max, true);
    }

    /** (min, max). */
    public static KnobRange strictlyBetween(double minExcluded, double maxExcluded) {
        return new KnobRange(minExcluded, false, maxExcluded, false);
    }

    public static KnobRange atLeast(double min) {
        return new KnobRange(min, true, null, false);
    }

    public boolean contains(double value) {
        return (min == null || (minInclusive ? value >= min : value > min))
                && (max == null || (maxInclusive ? value <= max : value < max));
    }

    /** How a refusal words the range: "must be 1 to 4096", "must be in [0, 1)", "must not be negative". */
    public String requirement() {
        if (max == null) {
            if (min == 0 && minInclusive) {
                return "must not be negative";
            }
            return (minInclusive ? "must be at least " : "must be above ") + KnobText.decimal(min);
        }
        String low = KnobText.decimal(min);
        String high = KnobText.decimal(max);
        if (minInclusive && maxInclusive) {
            return "must be " + low + " to " + high;
        }
        if (!minInclusive && maxInclusive) {
            return "must be above " + low + " and at most " + high;
        }
        return "must be in " + (minInclusive ? "[" : "(") + low + ", " + high + (maxInclusive ? "]" : ")");
    }
}
