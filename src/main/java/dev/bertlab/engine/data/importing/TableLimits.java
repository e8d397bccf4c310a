package dev.bertlab.engine.data.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * How wide a table an import reads. A text dataset needs two or three columns; a file with tens of thousands is a
 * mistake (or an attack), and reading its header costs memory and time that grow with every column, on every page
 * that shows it. Both the importer and the upload preview refuse it before parsing the header.
 */
public final class TableLimits {

    /** Columns an import reads at most (JSON lines: distinct fields). */
    public static final int MAX_COLUMNS = 1_000;

    /** Bytes of a CSV or TSV header line at most: 1,000 columns of names up to 64 characters. */
    public static final int MAX_HEADER_BYTES = 64 * 1024;

    private static final String ADVICE = "keep the text and label columns (and a second text for pairs) and leave"
            + " the rest out";

    private TableLimits() {
    }

    /**
     * Why the header line of a CSV or TSV file is too long to read, if it is; reads at most
     * {@link #MAX_HEADER_BYTES} + 1 bytes (a line break inside a quoted name does not end the line).
     */
    public static Optional<String> headerLineProblem(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            boolean quoted = false;
            for (int read = 0; read <= MAX_HEADER_BYTES; read++) {
                int b = in.read();
                if (b < 0 || (b == '\n' && !quoted)) {
                    return Optional.empty();
                }
                if (b == '"') {
                    quoted = !quoted;
                }
            }
        }
        return Optional.of("the header line is longer than " + MAX_HEADER_BYTES / 1024 + " KiB; an import reads at"
                + " most " + count(MAX_COLUMNS) + " columns: " + ADVICE);
    }

    /** Why a header of {@code columns} names is too wide, if it is. */
    public static Optional<String> headerColumnsProblem(int columns) {
        return columns <= MAX_COLUMNS ? Optional.empty() : Optional.of("the header names " + count(columns)
                + " columns; an import reads at most " + count(MAX_COLUMNS) + ": " + ADVICE);
    }

    /** Why a Parquet schema of {@code columns} fields is too wide, if it is. */
    public static Optional<String> fileColumnsProblem(int columns) {
        return columns <= MAX_COLUMNS ? Optional.empty() : Optional.of("the file has " + count(columns)
                + " columns; an import reads at most " + count(MAX_COLUMNS) + ": " + ADVICE);
    }

    /** Why JSON lines with {@code fields} distinct fields so far are too wide, if they are. */
    public static Optional<String> jsonFieldsProblem(int fields) {
        return fields <= MAX_COLUMNS ? Optional.empty() : Optional.of("the lines so far have " + count(fields)
                + " distinct fields; an import reads at most " + count(MAX_COLUMNS) + " columns: " + ADVICE);
    }

    private static String count(int value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
