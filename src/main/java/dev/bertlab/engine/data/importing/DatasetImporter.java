package dev.bertlab.engine.data.importing;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.DatasetName;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.StratifiedSplitter;
import dev.bertlab.engine.data.TaskType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Imports a user's labeled text files (CSV, TSV, JSON lines, Parquet) into the catalog. Every problem in the files
 * is collected with its location and reported together in a {@link DatasetValidationException}; then nothing is
 * imported. Splits without a file are carved out of train with a seeded split, stratified for classification.
 */
public final class DatasetImporter {

    /** Larger files are refused: everything is held in memory while importing. */
    public static final long DEFAULT_MAX_FILE_BYTES = 200L * 1024 * 1024;

    private final DatasetCatalog catalog;
    private final long maxFileBytes;

    public DatasetImporter(DatasetCatalog catalog) {
        this(catalog, DEFAULT_MAX_FILE_BYTES);
    }

    /** @param maxFileBytes the largest file accepted, in bytes */
    public DatasetImporter(DatasetCatalog catalog, long maxFileBytes) {
        if (maxFileBytes <= 0) {
            throw new IllegalArgumentException("the maximum file size must be positive, got " + maxFileBytes);
        }
        this.catalog = catalog;
        this.maxFileBytes = maxFileBytes;
    }

    /**
     * Validates the files and stores the dataset in the catalog, atomically.
     *
     * @throws DatasetValidationException listing the problems found, if any; nothing is stored then
     */
    public LabeledDataset importDataset(ImportRequest request) {
        LabeledDataset dataset = read(request);
        catalog.add(dataset);
        return dataset;
    }

    /**
     * Validates the files and builds the dataset without storing it (a preview).
     *
     * @throws DatasetValidationException listing the problems found, if any
     */
    public LabeledDataset read(ImportRequest request) {
        ProblemCollector problems = new ProblemCollector();
        checkName(request.name(), problems);
        Map<Split, List<RawRow>> rows = new EnumMap<>(Split.class);
        boolean trainClean = true;
        for (Map.Entry<Split, Path> file : request.files().entrySet()) {
            int before = problems.count();
            List<RawRow> valid = readFile(file.getValue(), request, problems);
            if (valid != null) {
                rows.put(file.getKey(), valid);
            }
            if (file.getKey() == Split.TRAIN) {
                trainClean = valid != null && problems.count() == before;
            }
        }
        if (request.task() == TaskType.REGRESSION) {
            Map<Split, List<Example>> given = regressionExamples(rows, request, problems);
            problems.throwIfAny();
            return build(request, List.of(), given, problems);
        }
        // the classes are those of train: while train has problems, checks against them would mislead
        problems.throwIfAny(!trainClean);
        List<String> labelNames = classNames(rows.get(Split.TRAIN), request, problems);
        Map<Split, List<Example>> given = classificationExamples(rows, labelNames, request, problems);
        checkStratifiable(given.get(Split.TRAIN), labelNames, request, problems);
        problems.throwIfAny();
        return build(request, labelNames, given, problems);
    }

    private static LabeledDataset build(ImportRequest request, List<String> labelNames,
                                        Map<Split, List<Example>> given, ProblemCollector problems) {
        Map<Split, List<Example>> splits = carveMissingSplits(given, labelNames, request, problems);
        problems.throwIfAny();
        return LabeledDataset.of(request.name(), request.displayName(), request.task(), labelNames,
                describeSource(request), splits);
    }

    private void checkName(String name, ProblemCollector problems) {
        if (!DatasetName.isValid(name)) {
            problems.add(null, 0, null, "invalid dataset name '" + name + "': use 1 to 64 characters a-z, 0-9, '-'"
                    + " or '_', starting with a letter or digit");
        } else if (catalog.exists(name)) {
            problems.add(null, 0, null, "a " + (catalog.isBuiltin(name) ? "built-in " : "") + "dataset named '"
                    + name + "' already exists; choose another name");
        }
    }

    /** The rows of one file whose mapped cells are present and non-blank; null if the file could not be read. */
    private List<RawRow> readFile(Path file, ImportRequest request, ProblemCollector problems) {
        String label = file.toString();
        FileFormat format = request.format() != null ? request.format()
                : FileFormat.fromFileName(file).orElse(null);
        if (!checkFile(file, label, format, problems)) {
            return null;
        }
        try {
            if (format.isText() && !Utf8Check.check(file, label, problems)) {
                return null;
            }
            RawTable table = reader(format).read(file, label, request.columns(), problems);
            return table == null ? null : checkCells(table, label, request, problems);
        } catch (IOException e) {
            problems.add(DatasetProblem.ofFile(label, "cannot read the file: " + e.getMessage()));
            return null;
        }
    }

    private boolean checkFile(Path file, String label, FileFormat format, ProblemCollector problems) {
        if (!Files.exists(file)) {
            problems.add(DatasetProblem.ofFile(label, "file not found"));
            return false;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(DatasetProblem.ofFile(label, "not a regular file"));
            return false;
        }
        if (format == null) {
            problems.add(DatasetProblem.ofFile(label, "cannot tell the format from the file name; name it .csv, .tsv,"
                    + " .jsonl or .parquet, or choose the format explicitly"));
            return false;
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            problems.add(DatasetProblem.ofFile(label, "cannot read the file size: " + e.getMessage()));
            return false;
        }
        if (size == 0) {
            problems.add(DatasetProblem.ofFile(label, "the file is empty"));
            return false;
        }
        if (size > maxFileBytes) {
            problems.add(DatasetProblem.ofFile(label, "the file is " + describeSize(size) + ", more than the import"
                    + " limit of " + describeSize(maxFileBytes) + "; use a smaller sample or raise the maximum import"
                    + " file size"));
            return false;
        }
        return true;
    }

    static String describeSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " bytes";
        }
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }

    private static TableReader reader(FileFormat format) {
        return switch (format) {
            case CSV -> CsvTableReader.csv();
            case TSV -> CsvTableReader.tsv();
            case JSONL -> new JsonLinesTableReader();
            case PARQUET -> new ParquetTableReader();
        };
    }

    /** Checks the mapped columns exist and every cell of them holds something; returns the complete rows. */
    private static List<RawRow> checkCells(RawTable table, String file, ImportRequest request,
                                           ProblemCollector problems) {
        ColumnMapping columns = request.columns();
        boolean allPresent = true;
        for (String column : columns.names()) {
            if (!table.columns().contains(column)) {
                problems.add(file, 0, column, "missing column '" + column + "'; the file has columns: "
                        + (table.columns().isEmpty() ? "(none)" : String.join(", ", table.columns())));
                allPresent = false;
            }
        }
        if (!allPresent) {
            return null;
        }
        if (table.rows().isEmpty()) {
            problems.add(DatasetProblem.ofFile(file, "no examples in the file"));
            return null;
        }
        List<RawRow> complete = new ArrayList<>();
        for (RawRow row : table.rows()) {
            boolean ok = checkText(row.text(), "text", columns.text(), file, row, problems);
            if (columns.textPair() != null) {
                ok &= checkText(row.textPair(), "text pair", columns.textPair(), file, row, problems);
            }
            if (row.label() == null || row.label().isBlank()) {
                problems.add(file, row.line(), columns.label(), "missing label");
                ok = false;
            }
            if (ok) {
                complete.add(row);
            }
        }
        return complete;
    }

    private static boolean checkText(String text, String what, String column, String file, RawRow row,
                                     ProblemCollector problems) {
        if (text == null || text.isBlank()) {
            problems.add(file, row.line(), column, (text == null ? "missing " : "empty ") + what);
            return false;
        }
        if (hasUnpairedSurrogate(text)) {
            problems.add(file, row.line(), column, "the " + what + " holds an unpaired UTF-16 surrogate (an escape"
                    + " like \\ud800 without its partner), which is not text");
            return false;
        }
        return true;
    }

    private static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> classNames(List<RawRow> trainRows, ImportRequest request, ProblemCollector problems) {
        Set<String> distinct = trainRows.stream().map(row -> row.label().strip())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!trainRows.isEmpty() && distinct.size() < 2) {
            problems.add(request.trainFile().toString(), 0, request.columns().label(), "only "
                    + distinct.size() + " class (" + String.join(", ", distinct) + ") in train; classification needs"
                    + " at least 2 (for a numeric target choose regression)");
        }
        return LabelValues.sortedClassNames(distinct);
    }

    private static Map<Split, List<Example>> classificationExamples(Map<Split, List<RawRow>> rows,
                                                                    List<String> labelNames, ImportRequest request,
                                                                    ProblemCollector problems) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < labelNames.size(); i++) {
            index.put(labelNames.get(i), i);
        }
        Map<Split, List<Example>> examples = new EnumMap<>(Split.class);
        rows.forEach((split, splitRows) -> {
            List<Example> converted = new ArrayList<>();
            String file = request.files().get(split).toString();
            for (RawRow row : splitRows) {
                String label = row.label().strip();
                Integer labelIndex = index.get(label);
                if (labelIndex == null) {
                    problems.add(file, row.line(), request.columns().label(), "unknown label '" + label
                            + "': not among the labels of train (" + String.join(", ", labelNames) + ")");
                } else {
                    converted.add(Example.classified(exampleId(split, row), row.text(), row.textPair(), labelIndex));
                }
            }
            examples.put(split, converted);
        });
        return examples;
    }

    private static Map<Split, List<Example>> regressionExamples(Map<Split, List<RawRow>> rows, ImportRequest request,
                                                                ProblemCollector problems) {
        Map<Split, List<Example>> examples = new EnumMap<>(Split.class);
        rows.forEach((split, splitRows) -> {
            List<Example> converted = new ArrayList<>();
            String file = request.files().get(split).toString();
            for (RawRow row : splitRows) {
                Double target = LabelValues.target(row.label().strip());
                if (target == null) {
                    problems.add(file, row.line(), request.columns().label(), "'" + row.label() + "' is not a"
                            + " number; a regression label must be a decimal number like 3 or -0.25");
                } else {
                    converted.add(Example.regression(exampleId(split, row), row.text(), row.textPair(), target));
                }
            }
            examples.put(split, converted);
        });
        return examples;
    }

    /** A stratified carve needs two examples of a class: one may leave train, one must stay. */
    private static void checkStratifiable(List<Example> train, List<String> labelNames, ImportRequest request,
                                          ProblemCollector problems) {
        if (train == null || !carves(request)) {
            return;
        }
        int[] counts = new int[labelNames.size()];
        train.forEach(example -> counts[example.label()]++);
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 1) {
                problems.add(request.trainFile().toString(), 0, request.columns().label(), "class '"
                        + labelNames.get(c) + "' has only 1 example in train, too few for a stratified split; add"
                        + " examples of it or provide validation and test files");
            }
        }
    }

    private static boolean carves(ImportRequest request) {
        return (request.validationFile() == null && request.validationFraction() > 0)
                || (request.testFile() == null && request.testFraction() > 0);
    }

    private static Map<Split, List<Example>> carveMissingSplits(Map<Split, List<Example>> given,
                                                                List<String> labelNames, ImportRequest request,
                                                                ProblemCollector problems) {
        List<Example> train = given.get(Split.TRAIN);
        int validationSize = request.validationFile() == null ? carveSize(train.size(), request.validationFraction())
                : 0;
        int testSize = request.testFile() == null ? carveSize(train.size(), request.testFraction()) : 0;
        Map<Split, List<Example>> carved;
        try {
            carved = request.task() == TaskType.SINGLE_LABEL_CLASSIFICATION
                    ? StratifiedSplitter.stratified(train, labelNames.size(), validationSize, testSize, request.seed())
                    : StratifiedSplitter.random(train, validationSize, testSize, request.seed());
        } catch (IllegalArgumentException e) {
            problems.add(DatasetProblem.ofFile(request.trainFile().toString(), "train has " + train.size()
                    + " examples, too few to carve out " + validationSize + " for validation and " + testSize
                    + " for test (" + e.getMessage() + "); add examples or provide validation and test files"));
            return Map.of();
        }
        if (carved.get(Split.TRAIN).isEmpty()) {
            problems.add(DatasetProblem.ofFile(request.trainFile().toString(), "nothing would be left in train"));
        }
        Map<Split, List<Example>> splits = new EnumMap<>(carved);
        if (request.validationFile() != null) {
            splits.put(Split.VALIDATION, given.get(Split.VALIDATION));
        }
        if (request.testFile() != null) {
            splits.put(Split.TEST, given.get(Split.TEST));
        }
        return splits;
    }

    private static int carveSize(int trainSize, double fraction) {
        return fraction <= 0 ? 0 : Math.max(1, (int) Math.round(trainSize * fraction));
    }

    /** Ids name the file and line the example came from, so a user can find it; carving keeps them. */
    private static String exampleId(Split split, RawRow row) {
        return split.id() + "-" + row.line();
    }

    private static String describeSource(ImportRequest request) {
        StringBuilder source = new StringBuilder("imported from ");
        source.append(request.files().entrySet().stream()
                .map(entry -> entry.getKey().id() + "=" + entry.getValue().getFileName())
                .collect(Collectors.joining(", ")));
        source.append(" (columns ").append(request.columns()).append(')');
        if (carves(request)) {
            source.append(String.format(Locale.ROOT, "; %s carved out of train (%s split, seed %d)",
                    describeCarved(request), request.task() == TaskType.REGRESSION ? "random" : "stratified",
                    request.seed()));
        }
        return source.toString();
    }

    private static String describeCarved(ImportRequest request) {
        List<String> carved = new ArrayList<>();
        if (request.validationFile() == null && request.validationFraction() > 0) {
            carved.add(String.format(Locale.ROOT, "validation %.0f%%", request.validationFraction() * 100));
        }
        if (request.testFile() == null && request.testFraction() > 0) {
            carved.add(String.format(Locale.ROOT, "test %.0f%%", request.testFraction() * 100));
        }
        return String.join(" and ", carved);
    }
}
