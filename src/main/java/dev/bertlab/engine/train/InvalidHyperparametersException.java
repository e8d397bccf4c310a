package dev.bertlab.engine.train;

import java.util.Map;
import java.util.stream.Collectors;

/** Hyperparameters a run cannot start with; holds one message per offending field so a form can show each. */
public class InvalidHyperparametersException extends IllegalArgumentException {

    private final Map<String, String> problems;

    public InvalidHyperparametersException(Map<String, String> problems) {
        super("invalid hyperparameters: " + problems.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; ")));
        this.problems = Map.copyOf(problems);
    }

    /** Field name (snake_case, as in the config file) to what is wrong with it. */
    public Map<String, String> problems() {
        return problems;
    }
}
