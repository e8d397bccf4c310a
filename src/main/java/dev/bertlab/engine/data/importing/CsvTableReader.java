package dev.bertlab.engine.data.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** CSV or TSV with a header row, quoted fields as Excel and pandas write them ({@code "a ""b"" c"}). */
final class CsvTableReader implements TableReader {

    private final CSVFormat format;
    private final String formatName;

    private CsvTableReader(char delimiter, String formatName) {
        // blank lines are kept as records (and skipped below) so the parser's line count stays exact
        this.format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(false)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .get();
        this.formatName = formatName;
    }

    static CsvTableReader csv() {
        return new CsvTableReader(',', "CSV");
    }

    static CsvTableReader tsv() {
        return new CsvTableReader('\t', "TSV");
    }

    @Override
    public RawTable read(Path file, String fileLabel, ColumnMapping columns, ProblemCollector problems)
            throws IOException {
        Optional<String> tooLong = TableLimits.headerLineProblem(file);
        if (tooLong.isPresent()) {
            problems.add(fileLabel, 1, null, tooLong.get());
            return null;
        }
        try (BufferedReader reader = Utf8Check.openReader(file)) {
            CSVParser parser;
            try {
                parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            } catch (IllegalArgumentException | UncheckedIOException e) {
                problems.add(fileLabel, 1, null, "bad header row: " + e.getMessage()
                        + "; the first line must name each column once");
                return null;
            }
            List<String> header = parser.getHeaderNames();
            Optional<String> tooWide = TableLimits.headerColumnsProblem(header.size());
            if (tooWide.isPresent()) {
                problems.add(fileLabel, 1, null, tooWide.get());
                return null;
            }
            List<RawRow> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                long startLine = parser.getCurrentLineNumber() + 1;
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(fileLabel, startLine, null, "malformed " + formatName + " in the record starting"
                            + " here (" + rootMessage(e) + "): a quote may never be closed, or a quoted field has"
                            + " text after its closing quote; inside a quoted field write a quote twice (\"\")."
                            + " Reading stopped here");
                    break;
                }
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue;
                }
                if (record.size() != header.size()) {
                    problems.add(fileLabel, startLine, null, "this row has " + record.size() + " fields but the"
                            + " header has " + header.size() + "; a field holding the delimiter must be quoted");
                    continue;
                }
                rows.add(new RawRow(startLine, value(record, columns.text()), value(record, columns.textPair()),
                        value(record, columns.label())));
            }
            return new RawTable(header, rows);
        }
    }

    private static String value(CSVRecord record, String column) {
        return column != null && record.isMapped(column) ? record.get(column) : null;
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
