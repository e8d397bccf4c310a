package dev.bertlab.engine.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code predictions.csv}: one row per example, readable by a spreadsheet or pandas.
 *
 * <p>A classifier's file has the header {@code id,gold,predicted,confidence,p_<label>...}: gold and predicted
 * hold label names, confidence the probability of the predicted label, then one probability column per label
 * in class order. A regression model's file has {@code id,gold,predicted}. Numbers are written in their
 * shortest exact form, so reading a file back gives the same floats.
 */
public final class PredictionsCsv {

    static final String PROBABILITY_PREFIX = "p_";
    private static final List<String> CLASSIFICATION_COLUMNS = List.of("id", "gold", "predicted", "confidence");
    private static final List<String> REGRESSION_COLUMNS = List.of("id", "gold", "predicted");
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get();

    private PredictionsCsv() {
    }

    /** Writes a classifier's predictions, replacing {@code file}. */
    public static void write(PredictionSet predictions, Path file) throws IOException {
        List<String> header = new ArrayList<>(CLASSIFICATION_COLUMNS);
        predictions.labels().forEach(label -> header.add(PROBABILITY_PREFIX + label));
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            printer.printRecord(header);
            List<String> row = new ArrayList<>(header.size());
            for (Prediction prediction : predictions.predictions()) {
                row.clear();
                row.add(prediction.id());
                row.add(predictions.labels().get(prediction.gold()));
                row.add(predictions.labels().get(prediction.predicted()));
                row.add(Float.toString(prediction.confidence()));
                for (float p : prediction.probabilities()) {
                    row.add(Float.toString(p));
                }
                printer.printRecord(row);
            }
        }
    }

    /** Reads a file written by {@link #write(PredictionSet, Path)}; the confidence column is not read back. */
    public static PredictionSet read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            CsvRows rows = new CsvRows(file, parser);
            List<String> header = rows.header();
            List<String> labels = labelsFromHeader(file, header);
            List<Prediction> predictions = new ArrayList<>();
            for (CSVRecord record = rows.next(); record != null; record = rows.next()) {
                rows.checkWidth(record, header);
                int gold = rows.labelIndex(record, 1, header, labels);
                int predicted = rows.labelIndex(record, 2, header, labels);
                float[] probabilities = new float[labels.size()];
                for (int c = 0; c < labels.size(); c++) {
                    probabilities[c] = rows.parseFloat(record, CLASSIFICATION_COLUMNS.size() + c, header);
                }
                predictions.add(new Prediction(record.get(0), gold, predicted, probabilities));
            }
            return new PredictionSet(labels, predictions);
        }
    }

    /** Writes a regression model's predictions, replacing {@code file}. */
    public static void writeRegression(List<RegressionPrediction> predictions, Path file) throws IOException {
        try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, FORMAT)) {
            printer.printRecord(REGRESSION_COLUMNS);
            for (RegressionPrediction prediction : predictions) {
                printer.printRecord(prediction.id(), Double.toString(prediction.gold()),
                        Double.toString(prediction.predicted()));
            }
        }
    }

    /** Reads a file written by {@link #writeRegression(List, Path)}. */
    public static List<RegressionPrediction> readRegression(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = FORMAT.parse(reader)) {
            CsvRows rows = new CsvRows(file, parser);
            List<String> header = rows.header();
            if (!header.equals(REGRESSION_COLUMNS)) {
                throw new MalformedEvaluationFileException(file, 1, null, "header is " + header + ", expected "
                        + REGRESSION_COLUMNS, null);
            }
            List<RegressionPrediction> predictions = new ArrayList<>();
            for (CSVRecord record = rows.next(); record != null; record = rows.next()) {
                rows.checkWidth(record, header);
                predictions.add(new RegressionPrediction(record.get(0), rows.parseDouble(record, 1, header),
                        rows.parseDouble(record, 2, header)));
            }
            return predictions;
        }
    }

    private static List<String> labelsFromHeader(Path file, List<String> header) throws IOException {
        int fixed = CLASSIFICATION_COLUMNS.size();
        if (header.size() < fixed + 2 || !header.subList(0, fixed).equals(CLASSIFICATION_COLUMNS)) {
            throw new MalformedEvaluationFileException(file, 1, null, "header is " + header + ", expected "
                    + String.join(",", CLASSIFICATION_COLUMNS) + " then a " + PROBABILITY_PREFIX
                    + "<label> column for each of at least 2 labels", null);
        }
        List<String> labels = new ArrayList<>();
        for (String column : header.subList(fixed, header.size())) {
            if (!column.startsWith(PROBABILITY_PREFIX)) {
                throw new MalformedEvaluationFileException(file, 1, "'" + column + "'", "expected a probability column"
                        + " named " + PROBABILITY_PREFIX + "<label>", null);
            }
            labels.add(column.substring(PROBABILITY_PREFIX.length()));
        }
        try {
            return LabelNames.check(labels);
        } catch (IllegalArgumentException e) {
            throw new MalformedEvaluationFileException(file, 1, null, e.getMessage(), e);
        }
    }
}
