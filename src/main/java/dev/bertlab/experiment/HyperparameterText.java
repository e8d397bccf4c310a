package dev.bertlab.experiment;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.InvalidHyperparametersException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Hyperparameters as the texts a form shows and a person types: {@code 2e-5}, {@code LINEAR}, {@code 1, 2.5}.
 * Reading reports every problem at once, keyed by snake_case field name: text that is not a number and values the
 * record refuses alike, so each can be shown on its field.
 */
public final class HyperparameterText {

    private static final Set<String> LOWER_IS_BETTER = Set.of("loss", "mse", "mae");

    private HyperparameterText() {
    }

    /** Every field's text, keyed by snake_case name, in form order. */
    public static Map<String, String> format(Hyperparameters hyperparameters) {
        Map<String, String> texts = new LinkedHashMap<>();
        HyperparameterFields.all().forEach(field -> texts.put(field.key(), field.textOf(hyperparameters)));
        return texts;
    }

    /**
     * Reads hyperparameters from texts keyed by snake_case name; a missing or blank text takes the default.
     *
     * @throws InvalidHyperparametersException with one message per offending field, unreadable texts included
     */
    public static Hyperparameters parse(Map<String, String> texts) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, Object> values = new HashMap<>();
        texts.forEach((key, text) -> {
            if (HyperparameterFields.byKey(key).isEmpty()) {
                problems.put(key, "unknown hyperparameter");
            }
        });
        for (HyperparameterField field : HyperparameterFields.all()) {
            String text = texts.get(field.key());
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                values.put(field.property(), read(field, text.strip()));
            } catch (IllegalArgumentException e) {
                problems.put(field.key(), e.getMessage());
            }
        }
        Hyperparameters built = null;
        try {
            built = construct(values);
        } catch (InvalidHyperparametersException e) {
            e.problems().forEach(problems::putIfAbsent);
        }
        if (!problems.isEmpty()) {
            throw new InvalidHyperparametersException(problems);
        }
        return built;
    }

    static String format(HyperparameterField field, Object value, Hyperparameters all) {
        if (value == null) {
            return "";
        }
        return switch (field.kind()) {
            case DECIMAL -> decimal((Double) value);
            case DECIMAL_LIST -> ((List<?>) value).stream().map(v -> decimal((Double) v))
                    .collect(Collectors.joining(", "));
            case CHOICE -> field.property().equals("greaterIsBetter")
                    && value.equals(!LOWER_IS_BETTER.contains(all.metricForBestModel()))
                    ? HyperparameterFields.AUTO : value instanceof Enum<?> e ? e.name() : value.toString();
            default -> value.toString();
        };
    }

    /** The shortest exact text of a number: 2e-05 as {@code 2e-5}, 3.0 as {@code 3}. */
    public static String decimal(double value) {
        String text = Double.toString(value);
        int exponent = text.indexOf('E');
        if (exponent < 0) {
            return new BigDecimal(text).stripTrailingZeros().toPlainString();
        }
        String mantissa = new BigDecimal(text.substring(0, exponent)).stripTrailingZeros().toPlainString();
        return mantissa + "e" + text.substring(exponent + 1);
    }

    private static Object read(HyperparameterField field, String text) {
        return switch (field.kind()) {
            case DECIMAL -> number(text);
            case INTEGER -> {
                try {
                    yield Integer.parseInt(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number");
                }
            }
            case LONG -> {
                try {
                    yield Long.parseLong(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a whole number");
                }
            }
            case TEXT -> text;
            case FLAG -> {
                if (!text.equalsIgnoreCase("true") && !text.equalsIgnoreCase("false")) {
                    throw new IllegalArgumentException("must be true or false, got '" + text + "'");
                }
                yield Boolean.parseBoolean(text);
            }
            case DECIMAL_LIST -> {
                List<Double> numbers = new ArrayList<>();
                for (String part : text.split("[,;\\s]+")) {
                    if (!part.isEmpty()) {
                        numbers.add(number(part));
                    }
                }
                yield numbers;
            }
            case CHOICE -> choice(field, text);
        };
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

    private static Object choice(HyperparameterField field, String text) {
        String chosen = field.choices().stream().filter(c -> c.equalsIgnoreCase(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("must be one of " + String.join(", ", field.choices())
                        + ", got '" + text + "'"));
        Class<?> type = field.component().getType();
        if (type == Boolean.class) {
            return chosen.equals(HyperparameterFields.AUTO) ? null : Boolean.valueOf(chosen);
        }
        if (type.isEnum()) {
            return enumConstant(type, chosen.toUpperCase(Locale.ROOT));
        }
        return chosen;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumConstant(Class<?> type, String name) {
        return Enum.valueOf((Class<? extends Enum>) type, name);
    }

    private static Hyperparameters construct(Map<String, Object> values) {
        RecordComponent[] components = Hyperparameters.class.getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            args[i] = values.get(components[i].getName());
            types[i] = components[i].getType();
        }
        try {
            return Hyperparameters.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
