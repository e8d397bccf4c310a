package dev.bertlab.run;

import dev.bertlab.engine.run.RunDirectory;
import java.nio.file.Path;
import java.util.function.Function;

/** The files of a run that can be downloaded as they are. */
public enum RunFile {
    TEST_PREDICTIONS("Predictions (test, CSV)", "text/csv", d -> d.predictions("test")),
    VALIDATION_PREDICTIONS("Predictions (validation, CSV)", "text/csv", d -> d.predictions("validation")),
    TEST_METRICS("Metrics (test, JSON)", "application/json", d -> d.metrics("test")),
    VALIDATION_METRICS("Metrics (validation, JSON)", "application/json", d -> d.metrics("validation")),
    TRAINING_LOG("Training log (JSON lines)", "application/x-ndjson", RunDirectory::trainingLog);

    private final String label;
    private final String contentType;
    private final Function<RunDirectory, Path> location;

    RunFile(String label, String contentType, Function<RunDirectory, Path> location) {
        this.label = label;
        this.contentType = contentType;
        this.location = location;
    }

    public String label() {
        return label;
    }

    public String contentType() {
        return contentType;
    }

    Path in(RunDirectory directory) {
        return location.apply(directory);
    }
}
