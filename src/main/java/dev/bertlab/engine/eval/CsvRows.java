package dev.bertlab.engine.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Rows of a predictions file, with errors that point at the file, line and column. */
final class CsvRows {

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(Path file, CSVParser parser) {
        this.file = file;
        this.parser = parser;
        this.records = parser.iterator();
    }

    List<String> header() throws IOException {
        CSVRecord header = next();
        if (header == null) {
            throw new MalformedEvaluationFileException(file, 0, null, "the file is empty, expected a header line",
                    null);
        }
        return header.toList();
    }

    /** The next record, or null at the end of the file. */
    CSVRecord next() throws IOException {
        try {
            return records.hasNext() ? records.next() : null;
        } catch (UncheckedIOException e) {
            throw new MalformedEvaluationFileException(file, parser.getCurrentLineNumber(), null,
                    "not valid CSV: " + e.getCause().getMessage(), e);
        }
    }

    void checkWidth(CSVRecord record, List<String> header) throws IOException {
        if (record.size() != header.size()) {
            throw new MalformedEvaluationFileException(file, line(), null, "has " + record.size()
                    + " values, expected " + header.size() + " (one per header column)", null);
        }
    }

    int labelIndex(CSVRecord record, int column, List<String> header, List<String> labels) throws IOException {
        int index = labels.indexOf(record.get(column));
        if (index < 0) {
            throw error(record, column, header, "unknown label '" + record.get(column) + "', expected one of "
                    + labels);
        }
        return index;
    }

    float parseFloat(CSVRecord record, int column, List<String> header) throws IOException {
        try {
            return Float.parseFloat(record.get(column));
        } catch (NumberFormatException e) {
            throw error(record, column, header, "'" + record.get(column) + "' is not a number");
        }
    }

    double parseDouble(CSVRecord record, int column, List<String> header) throws IOException {
        try {
            return Double.parseDouble(record.get(column));
        } catch (NumberFormatException e) {
            throw error(record, column, header, "'" + record.get(column) + "' is not a number");
        }
    }

    private MalformedEvaluationFileException error(CSVRecord record, int column, List<String> header,
                                                   String problem) {
        return new MalformedEvaluationFileException(file, line(), "'" + header.get(column) + "'", problem, null);
    }

    // the parser has consumed the record's line ending: its current line is the record's last line
    private long line() {
        return parser.getCurrentLineNumber();
    }
}
