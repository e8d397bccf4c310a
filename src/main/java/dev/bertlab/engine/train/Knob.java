package dev.bertlab.engine.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One hyperparameter, declared once in {@link Knobs}: its config-file name, section, type, default, accepted range,
 * further checks and help text. Validation, the form's field, the REST schema, the config file's key and the
 * checkpoint's copy are all read from here.
 *
 * @param <T> the value's Java type
 */
public final class Knob<T> {

    /** How a value is written and read. */
    public enum Kind {
        /** a real number, e.g. 2e-5 */
        DECIMAL,
        /** a whole number */
        INTEGER,
        /** a whole number that may exceed an int (the seed) */
        LONG,
        /** free text (the truncation rule) */
        TEXT,
        /** one of {@link #choices()} */
        CHOICE,
        /** true or false */
        FLAG,
        /** comma-separated real numbers; empty for none */
        DECIMAL_LIST
    }

    /** The choice of a knob with a derived default that asks for that default (greater_is_better: auto). */
    public static final String AUTO = "auto";

    private final String key;
    private final KnobGroup group;
    private final Kind kind;
    private final Class<? extends Enum<?>> enumType;
    private final List<String> choices;
    private final T defaultValue;
    private final Function<KnobValues, T> derivedDefault;
    private final KnobRange range;
    private final String unit;
    private final String note;
    private final List<Check<T>> checks;
    private final String help;
    private final boolean sweepable;

    private Knob(Spec<T> spec) {
        if (spec.group == null || spec.help == null || spec.help.isBlank()) {
            throw new IllegalStateException(spec.key + " needs a group and a help text");
        }
        if (spec.defaultValue == null && spec.derivedDefault == null && spec.kind != Kind.DECIMAL_LIST) {
            throw new IllegalStateException(spec.key + " needs a default");
        }
        this.key = spec.key;
        this.group = spec.group;
        this.kind = spec.kind;
        this.enumType = spec.enumType;
        this.choices = List.copyOf(spec.derivedDefault != null && spec.kind == Kind.FLAG
                ? List.of(AUTO, "true", "false") : spec.choices);
        this.defaultValue = spec.defaultValue;
        this.derivedDefault = spec.derivedDefault;
        this.range = spec.range;
        this.unit = spec.unit;
        this.note = spec.note;
        this.checks = List.copyOf(spec.checks);
        this.help = spec.help;
        this.sweepable = spec.sweepable;
    }

    public static Spec<Double> decimal(String key) {
        return new Spec<>(key, Kind.DECIMAL, null, List.of());
    }

    public static Spec<Integer> integer(String key) {
        return new Spec<>(key, Kind.INTEGER, null, List.of());
    }

    public static Spec<Long> wholeLong(String key) {
        return new Spec<>(key, Kind.LONG, null, List.of());
    }

    public static Spec<String> text(String key) {
        return new Spec<>(key, Kind.TEXT, null, List.of());
    }

    public static <E extends Enum<E>> Spec<E> choice(String key, Class<E> type) {
        return new Spec<>(key, Kind.CHOICE, type,
                Arrays.stream(type.getEnumConstants()).map(Enum::name).toList());
    }

    public static Spec<String> oneOf(String key, Collection<String> choices) {
        return new Spec<>(key, Kind.CHOICE, null, choices.stream().sorted().toList());
    }

    public static Spec<Boolean> flag(String key) {
        return new Spec<>(key, Kind.FLAG, null, List.of());
    }

    public static Spec<List<Double>> decimals(String key) {
        return new Spec<List<Double>>(key, Kind.DECIMAL_LIST, null, List.of()).byDefault(List.of());
    }

    /** snake_case, as in a run config, the REST API and {@link InvalidHyperparametersException#problems()}. */
    public String key() {
        return key;
    }

    public KnobGroup group() {
        return group;
    }

    public Kind kind() {
        return kind;
    }

    /** The allowed texts of a {@link Kind#CHOICE} (and of a flag with a derived default); empty otherwise. */
    public List<String> choices() {
        return choices;
    }

    public String help() {
        return help;
    }

    /** Whether a sweep may vary it. */
    public boolean sweepable() {
        return sweepable;
    }

    /** The accepted numbers, where the knob has bounds. */
    public Optional<KnobRange> range() {
        return Optional.ofNullable(range);
    }

    /** The default when it is fixed; empty when other knobs decide it (see {@link #hasDerivedDefault()}). */
    public Optional<T> fixedDefault() {
        return Optional.ofNullable(defaultValue);
    }

    public boolean hasDerivedDefault() {
        return derivedDefault != null;
    }

    /** The default's text as the form shows it ("auto" where other knobs decide it). */
    public String defaultText() {
        return derivedDefault != null ? AUTO : format(defaultValue, null);
    }

    T resolve(T given, KnobValues others) {
        if (given != null) {
            return given;
        }
        return derivedDefault != null ? derivedDefault.apply(others) : defaultValue;
    }

    /** What is wrong with {@code value} given the other knobs' values, if anything. */
    Optional<String> problem(T value, KnobValues others) {
        if (range != null && value instanceof Number number && !range.contains(number.doubleValue())) {
            return Optional.of(range.requirement() + (unit == null ? "" : " " + unit)
                    + (note == null ? "" : " (" + note + ")") + ", got " + value);
        }
        if (kind == Kind.CHOICE && enumType == null && !choices.contains(value)) {
            return Optional.of("must be one of " + String.join(", ", choices) + ", got " + value);
        }
        for (Check<T> check : checks) {
            Optional<String> problem = check.problem(value, others);
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    /** The value as a person writes it: 2e-5, LINEAR, "1, 2.5"; "auto" where it equals its derived default. */
    public String format(Object value, KnobValues all) {
        if (value == null) {
            return "";
        }
        if (derivedDefault != null && all != null && value.equals(derivedDefault.apply(all))) {
            return AUTO;
        }
        return switch (kind) {
            case DECIMAL -> KnobText.decimal((Double) value);
            case DECIMAL_LIST -> ((List<?>) value).stream().map(v -> KnobText.decimal((Double) v))
                    .collect(Collectors.joining(", "));
            case CHOICE -> value instanceof Enum<?> e ? e.name() : value.toString();
            default -> value.toString();
        };
    }

    /**
     * Reads the text a person typed.
     *
     * @return the value, or null for "auto" (the derived default)
     * @throws IllegalArgumentException saying what is wrong with the text
     */
    public T parse(String text) {
        String stripped = text.strip();
        if (derivedDefault != null && stripped.equalsIgnoreCase(AUTO)) {
            return null;
        }
        return cast(switch (kind) {
            case DECIMAL -> number(stripped);
            case INTEGER -> (int) whole(stripped, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> whole(stripped, Long.MIN_VALUE, Long.MAX_VALUE);
            case TEXT -> stripped;
            case FLAG -> {
                if (!stripped.equalsIgnoreCase("true") && !stripped.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("must be true or false, got '" + stripped + "'");
                }
                yield Boolean.parseBoolean(stripped);
            }
            case DECIMAL_LIST -> {
                List<Double> numbers = new ArrayList<>();
                for (String part : stripped.split("[,;\\s]+")) {
                    if (!part.isEmpty()) {
                        numbers.add(number(part));
                    }
                }
                yield List.copyOf(numbers);
            }
            case CHOICE -> choice(stripped);
        });
    }

    /**
     * Reads a value from a JSON or YAML document (numbers, strings, booleans, lists), or from a text as in
     * {@link #parse}.
     *
     * @throws IllegalArgumentException saying what is wrong with the value
     */
    public T read(Object raw) {
        if (raw == null) {
            return null;
        }
        if (raw instanceof String text) {
            return parse(text);
        }
        return cast(switch (kind) {
            case DECIMAL -> {
                if (raw instanceof Number number) {
                    yield number.doubleValue();
                }
                throw new IllegalArgumentException("must be a number, got " + raw);
            }
            case INTEGER -> (int) whole(raw, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case LONG -> whole(raw, Long.MIN_VALUE, Long.MAX_VALUE);
            case FLAG -> {
                if (raw instanceof Boolean flag) {
                    yield flag;
                }
                throw new IllegalArgumentException("must be true or false, got " + raw);
            }
            case DECIMAL_LIST -> {
                if (!(raw instanceof Collection<?> items)) {
                    throw new IllegalArgumentException("must be a list of numbers, got " + raw);
                }
                List<Double> numbers = new ArrayList<>();
                for (Object item : items) {
                    if (!(item instanceof Number number)) {
                        throw new IllegalArgumentException("must be a list of numbers, got " + raw);
                    }
                    numbers.add(number.doubleValue());
                }
                yield List.copyOf(numbers);
            }
            case TEXT, CHOICE -> throw new IllegalArgumentException("must be a text, got " + raw);
        });
    }

    /** The value as a JSON document holds it: enums by name, everything else as it is. */
    Object toJson(Object value) {
        return value instanceof Enum<?> e ? e.name() : value;
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }

    private Object choice(String text) {
        String chosen = choices.stream().filter(c -> c.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + String.join(", ", choices)
                        + ", got '" + text + "'"));
        return enumType == null ? chosen : enumConstant(chosen.toUpperCase(Locale.ROOT));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private Object enumConstant(String name) {
        return Enum.valueOf((Class) enumType, name);
    }

    private static double number(String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + text + "' is not a number; write it like 2e-5 or 0.01");
    }

    private static long whole(Object raw, long min, long max) {
        long value;
        if (raw instanceof String text) {
            try {
                value = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + text + "' is not a whole number");
            }
        } else if (raw instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && !(raw instanceof java.math.BigInteger big && big.bitLength() > 63)) {
            value = number.longValue();
        } else {
            throw new IllegalArgumentException("'" + raw + "' is not a whole number");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(value + " is too large");
        }
        return value;
    }

    @Override
    public String toString() {
        return key;
    }

    /** A further rule on a knob's value, possibly depending on other knobs. */
    private record Check<T>(BiPredicate<T, KnobValues> allows, Function<T, String> refusal) {

        Optional<String> problem(T value, KnobValues others) {
            return allows.test(value, others) ? Optional.empty() : Optional.of(refusal.apply(value));
        }
    }

    /** A knob being declared. */
    public static final class Spec<T> {
        private final String key;
        private final Kind kind;
        private final Class<? extends Enum<?>> enumType;
        private final List<String> choices;
        private KnobGroup group;
        private T defaultValue;
        private Function<KnobValues, T> derivedDefault;
        private KnobRange range;
        private String unit;
        private String note;
        private final List<Check<T>> checks = new ArrayList<>();
        private String help;
        private boolean sweepable;

        @SuppressWarnings({"unchecked", "rawtypes"})
        private Spec(String key, Kind kind, Class<?> enumType, List<String> choices) {
            this.key = key;
            this.kind = kind;
            this.enumType = (Class) enumType;
            this.choices = choices;
        }

        public Spec<T> in(KnobGroup section) {
            this.group = section;
            return this;
        }

        public Spec<T> byDefault(T value) {
            this.defaultValue = value;
            return this;
        }

        /** The default follows other knobs (the form offers "auto" for it). */
        public Spec<T> byDefaultFrom(Function<KnobValues, T> rule) {
            this.derivedDefault = rule;
            return this;
        }

        public Spec<T> range(KnobRange accepted) {
            this.range = accepted;
            return this;
        }

        /** What the numbers count, written after the range in a refusal: "must be 8 to 512 tokens". */
        public Spec<T> unit(String counted) {
            this.unit = counted;
            return this;
        }

        /** A hint written in brackets after the range in a refusal: "(0 disables clipping)". */
        public Spec<T> note(String hint) {
            this.note = hint;
            return this;
        }

        /** A rule beyond the range; {@code refusal} words the problem for the offending value. */
        public Spec<T> check(BiPredicate<T, KnobValues> allows, Function<T, String> refusal) {
            checks.add(new Check<>(allows, refusal));
            return this;
        }

        /** A sweep may vary it (a search space names it). */
        public Spec<T> sweepable() {
            this.sweepable = true;
            return this;
        }

        public Spec<T> help(String text) {
            this.help = text;
            return this;
        }

        Knob<T> build() {
            return new Knob<>(this);
        }
    }
}
