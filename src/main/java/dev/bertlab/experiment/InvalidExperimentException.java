package dev.bertlab.experiment;

import java.util.Map;
import java.util.stream.Collectors;

/** An experiment that cannot be stored; one message per field, for the form to show beside each. */
public class InvalidExperimentException extends IllegalArgumentException {

    private final Map<String, String> problems;

    public InvalidExperimentException(Map<String, String> problems) {
        super(problems.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining("; ")));
        this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
        return problems;
    }
}
