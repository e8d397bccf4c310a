package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.train.Hyperparameters;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What to do about a diagnosis.
 *
 * @param advice a sentence for people; it may name things no knob covers (data augmentation, a smaller model)
 * @param changes hyperparameter changes by the snake_case keys of the experiment form and the config file
 *     ("classifier_dropout" -> 0.3), computed from the run's own hyperparameters; values are JSON-ready (numbers,
 *     booleans, enum names, lists). Empty when no knob helps (duplicates: clean the data).
 */
public record Remedy(String advice, Map<String, Object> changes) {


    public Remedy {
        Objects.requireNonNull(advice, "advice");
        changes = Collections.unmodifiableMap(new LinkedHashMap<>(changes));
    }

    /** Advice without hyperparameter changes. */
    public static Remedy adviceOnly(String advice) {
        return new Remedy(advice, Map.of());
    }

    /** Collects the changes a rule recommends against the run's hyperparameters. */
    public static Builder from(Hyperparameters current) {
        return new Builder(current);
    }

    /**
     * The hyperparameters with these changes applied, validated like any other.
     *
     * @throws dev.bertlab.engine.train.InvalidHyperparametersException when a value is out of range
     * @throws IllegalArgumentException when a key is not a hyperparameter
     */
    public Hyperparameters applyTo(Hyperparameters current) {
        Map<String, Object> values = current.asMap();
        for (String key : changes.keySet()) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a hyperparameter; known: " + values.keySet());
            }
        }
        return current.with(changes);
    }

    /** "classifier_dropout 0.3, weight_decay 0.02" */
    public String changesText() {
        return changes.entrySet().stream().map(e -> e.getKey() + " " + Figures.value(e.getValue()))
                .collect(Collectors.joining(", "));
    }

    /** Records a change only when it differs from the run's value, so a remedy lists only what is new. */
    public static final class Builder {
        private final Hyperparameters current;
        private final Map<String, Object> currentValues;
        private final Map<String, Object> changes = new LinkedHashMap<>();

        @SuppressWarnings("unchecked")
        private Builder(Hyperparameters current) {
            this.current = current;
            this.currentValues = current.asMap();
        }

        public Builder set(String key, Object value) {
            Object normalised = value instanceof Enum<?> e ? e.name() : value;
            if (!currentValues.containsKey(key)) {
                throw new IllegalArgumentException("'" + key + "' is not a hyperparameter");
            }
            if (!sameValue(currentValues.get(key), normalised)) {
                changes.put(key, normalised);
            }
            return this;
        }

        /** The remedy; its changes are checked against validation now, so a rule never suggests a refused value. */
        public Remedy build(String advice) {
            Remedy remedy = new Remedy(advice, changes);
            remedy.applyTo(current);
            return remedy;
        }

        private static boolean sameValue(Object a, Object b) {
            if (a instanceof Number x && b instanceof Number y) {
                return Double.compare(x.doubleValue(), y.doubleValue()) == 0;
            }
            if (a instanceof List<?> x && b instanceof List<?> y && x.size() == y.size()) {
                for (int i = 0; i < x.size(); i++) {
                    if (!sameValue(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return Objects.equals(a, b);
        }
    }
}
