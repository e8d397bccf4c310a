package dev.bertlab.engine.data.importing;

import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.TaskType;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What to import and how.
 *
 * @param name               catalog name of the new dataset
 * @param displayName        human-readable title
 * @param task               classification (labels are classes) or regression (labels are numbers)
 * @param columns            which columns hold text, pair and label
 * @param trainFile          the training file (required)
 * @param validationFile     a validation file, or null to carve validation out of train
 * @param testFile           a test file, or null to carve test out of train
 * @param format             the format of all files, or null to tell each file's format by its extension
 * @param validationFraction share of train carved out as validation when there is no validation file
 * @param testFraction       share of train carved out as test when there is no test file
 * @param seed               seed of the carving split
 */
public record ImportRequest(String name, String displayName, TaskType task, ColumnMapping columns, Path trainFile,
                            Path validationFile, Path testFile, FileFormat format, double validationFraction,
                            double testFraction, long seed) {

    public static final double DEFAULT_VALIDATION_FRACTION = 0.1;
    public static final double DEFAULT_TEST_FRACTION = 0.1;
    public static final long DEFAULT_SEED = 42L;

    public ImportRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(columns, "columns");
        Objects.requireNonNull(trainFile, "trainFile");
        if (displayName == null || displayName.isBlank()) {
            displayName = name;
        }
        if (!(validationFraction >= 0 && testFraction >= 0 && validationFraction + testFraction < 1)) {
            throw new IllegalArgumentException("validation and test fractions must be >= 0 and add up to less than 1,"
                    + " got " + validationFraction + " and " + testFraction);
        }
    }

    public static Builder builder(String name, Path trainFile, ColumnMapping columns) {
        return new Builder(name, trainFile, columns);
    }

    /** The files given, by split. */
    public Map<Split, Path> files() {
        Map<Split, Path> files = new EnumMap<>(Split.class);
        files.put(Split.TRAIN, trainFile);
        if (validationFile != null) {
            files.put(Split.VALIDATION, validationFile);
        }
        if (testFile != null) {
            files.put(Split.TEST, testFile);
        }
        return files;
    }

    /** Builds an {@link ImportRequest} with defaults: classification, 10% / 10% carved, seed 42, format by name. */
    public static final class Builder {
        private final String name;
        private final Path trainFile;
        private final ColumnMapping columns;
        private String displayName;
        private TaskType task = TaskType.SINGLE_LABEL_CLASSIFICATION;
        private Path validationFile;
        private Path testFile;
        private FileFormat format;
        private double validationFraction = DEFAULT_VALIDATION_FRACTION;
        private double testFraction = DEFAULT_TEST_FRACTION;
        private long seed = DEFAULT_SEED;

        private Builder(String name, Path trainFile, ColumnMapping columns) {
            this.name = name;
            this.trainFile = trainFile;
            this.columns = columns;
        }

        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        public Builder task(TaskType task) {
            this.task = task;
            return this;
        }

        public Builder validationFile(Path validationFile) {
            this.validationFile = validationFile;
            return this;
        }

        public Builder testFile(Path testFile) {
            this.testFile = testFile;
            return this;
        }

        public Builder format(FileFormat format) {
            this.format = format;
            return this;
        }

        public Builder fractions(double validationFraction, double testFraction) {
            this.validationFraction = validationFraction;
            this.testFraction = testFraction;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public ImportRequest build() {
            return new ImportRequest(name, displayName, task, columns, trainFile, validationFile, testFile, format,
                    validationFraction, testFraction, seed);
        }
    }
}
