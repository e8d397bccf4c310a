package dev.bertlab.experiment;

import dev.bertlab.engine.train.Hyperparameters;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * One hyperparameter as a form and a comparison show it: its config-file key, the record component it fills, its
 * section, how its text is read, the choices of a closed set, and a help text (the record's javadoc).
 *
 * @param key snake_case, as in a run config and in {@link
 *     dev.bertlab.engine.train.InvalidHyperparametersException#problems()}
 * @param property the record component's name
 * @param group the form section
 * @param kind how the text is parsed
 * @param choices allowed texts of a {@link Kind#CHOICE}, empty otherwise
 * @param help what the knob does
 */
public record HyperparameterField(String key, String property, HyperparameterGroup group, Kind kind,
        List<String> choices, String help) {

    /** How a value is written and read. */
    public enum Kind {
        /** a real number, e.g. 2e-5 */
        DECIMAL,
        /** a whole number */
        INTEGER,
        /** a whole number that may exceed an int (the seed) */
        LONG,
        /** free text (truncation rule) */
        TEXT,
        /** one of {@link #choices()} */
        CHOICE,
        /** true or false */
        FLAG,
        /** comma-separated real numbers; empty for none */
        DECIMAL_LIST
    }

    public HyperparameterField {
        choices = List.copyOf(choices);
    }

    /** The value of this field in {@code hyperparameters}, as its text. */
    public String textOf(Hyperparameters hyperparameters) {
        return HyperparameterText.format(this, rawValue(hyperparameters), hyperparameters);
    }

    /** The default's text. */
    public String defaultText() {
        return textOf(Hyperparameters.defaults());
    }

    Object rawValue(Hyperparameters hyperparameters) {
        try {
            return component().getAccessor().invoke(hyperparameters);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + property, e);
        }
    }

    RecordComponent component() {
        for (RecordComponent component : Hyperparameters.class.getRecordComponents()) {
            if (component.getName().equals(property)) {
                return component;
            }
        }
        throw new IllegalStateException("Hyperparameters has no component " + property);
    }
}
