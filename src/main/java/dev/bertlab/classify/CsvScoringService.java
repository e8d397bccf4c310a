package dev.bertlab.classify;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * Batch scoring of an uploaded CSV (or TSV): every row's text column labelled, written to a new CSV with the
 * original columns followed by the label, each class's probability, and a note when a text was cut or empty.
 * Batches share the live classifier's admission gate: a busy classifier slows a batch down instead of failing it.
 */
@Service
public class CsvScoringService {

    /** Rows in one file; at some 30 ms a text on two cores, a full file takes a few minutes. */
    public static final int MAX_ROWS = 10_000;
    /** Bytes in one upload. */
    public static final int MAX_BYTES = 20 * 1024 * 1024;
    private static final int CHUNK = 32;
    private static final List<String> LIKELY_TEXT_COLUMNS = List.of("text", "review", "reviewtext", "review_text",
            "sentence", "content", "body", "comment");

    private final ClassificationService classification;
    private final Executor workers;

    public CsvScoringService(ClassificationService classification,
            @Qualifier(ClassifyExecutors.CSV_SCORING) Executor workers) {
        this.classification = classification;
        this.workers = workers;
    }

    /**
     * What a file holds.
     *
     * @param columns the header's column names
     * @param rows data rows
     * @param suggestedColumn the column that most likely holds the text
     */
    public record CsvPreview(List<String> columns, int rows, String suggestedColumn) {
    }

    /** Called from the scoring thread as rows are done. */
    @FunctionalInterface
    public interface Progress {
        void rowsDone(int done, int total);
    }

    /** A batch under way. */
    public static final class ScoringJob {
        private final CompletableFuture<Path> result = new CompletableFuture<>();
        private final AtomicBoolean cancelled = new AtomicBoolean();

        /** Completes with the scored CSV (a temporary file), or exceptionally. */
        public CompletableFuture<Path> result() {
            return result;
        }

        /** Stops after the chunk being classified. */
        public void cancel() {
            cancelled.set(true);
        }

        public boolean isCancelled() {
            return cancelled.get();
        }
    }

    /**
     * Reads the header and counts the rows.
     *
     * @throws InvalidCsvException with the line of the problem
     */
    public CsvPreview inspect(Path file, String fileName) {
        Table table = read(file, fileName);
        String suggested = table.columns.stream()
                .filter(c -> LIKELY_TEXT_COLUMNS.contains(c.toLowerCase(Locale.ROOT).replace(" ", "")))
                .findFirst().orElse(table.columns.get(0));
        return new CsvPreview(table.columns, table.rows.size(), suggested);
    }

    /**
     * Starts scoring the column's texts with the model in the background.
     *
     * @throws InvalidCsvException when the file or column is unusable
     * @throws ModelNotFoundException when the model cannot classify
     */
    public ScoringJob start(Path file, String fileName, String column, String model, Progress progress) {
        Table table = read(file, fileName);
        int index = table.columns.indexOf(column);
        if (index < 0) {
            throw new InvalidCsvException("the file has no column '" + column + "'; its columns: "
                    + String.join(", ", table.columns));
        }
        ClassifiableModel target = classification.resolve(model);
        ScoringJob job = new ScoringJob();
        workers.execute(() -> {
            try {
                job.result.complete(score(table, index, target, progress, job));
            } catch (Throwable e) {
                job.result.completeExceptionally(e);
            }
        });
        return job;
    }

    private Path score(Table table, int column, ClassifiableModel model, Progress progress, ScoringJob job)
            throws IOException, InterruptedException {
        Path output = Files.createTempFile("bertlab-scored-", ".csv");
        output.toFile().deleteOnExit();
        List<String> labels = null;
        List<List<String>> scored = new ArrayList<>(table.rows.size());
        int total = table.rows.size();
        for (int start = 0; start < total; start += CHUNK) {
            if (job.isCancelled()) {
                Files.deleteIfExists(output);
                throw new java.util.concurrent.CancellationException("scoring cancelled after " + start + " rows");
            }
            List<List<String>> rows = table.rows.subList(start, Math.min(total, start + CHUNK));
            List<String> texts = new ArrayList<>();
            for (List<String> row : rows) {
                String text = column < row.size() ? row.get(column) : "";
                if (!text.isBlank()) {
                    texts.add(text);
                }
            }
            ClassificationResult result = texts.isEmpty() ? null : classifyPatiently(texts, model, job);
            if (result != null) {
                labels = result.labels();
            }
            int next = 0;
            for (List<String> row : rows) {
                String text = column < row.size() ? row.get(column) : "";
                List<String> line = new ArrayList<>(row);
                while (line.size() < table.columns.size()) {
                    line.add("");
                }
                if (text.isBlank()) {
                    line.add("");
                    line.add("empty text: not classified");
                    scored.add(line);
                    continue;
                }
                ClassificationResult.TextResult one = result.texts().get(next++);
                line.add(one.label());
                line.add(one.notice() == null ? "" : one.notice());
                one.probabilities().values().forEach(p -> line.add(String.format(Locale.ROOT, "%.6f", p)));
                scored.add(line);
            }
            progress.rowsDone(Math.min(total, start + CHUNK), total);
        }
        write(output, table.columns, labels == null ? List.of() : labels, scored);
        return output;
    }

    private ClassificationResult classifyPatiently(List<String> texts, ClassifiableModel model, ScoringJob job)
            throws InterruptedException {
        while (true) {
            try {
                return classification.classify(texts, model.id());
            } catch (ClassifierBusyException busy) {
                if (job.isCancelled()) {
                    throw new java.util.concurrent.CancellationException("scoring cancelled");
                }
                Thread.sleep(250);
            }
        }
    }

    private static void write(Path output, List<String> columns, List<String> labels, List<List<String>> rows)
            throws IOException {
        List<String> header = new ArrayList<>(columns);
        header.add("label");
        header.add("note");
        labels.forEach(label -> header.add("probability_" + label));
        try (BufferedWriter writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8);
                CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(header);
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        }
    }

    private record Table(List<String> columns, List<List<String>> rows) {
    }

    private static Table read(Path file, String fileName) {
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        char delimiter = name.endsWith(".tsv") || name.endsWith(".tab") ? '\t' : ',';
        if (!name.endsWith(".csv") && delimiter == ',' && !name.endsWith(".txt")) {
            throw new InvalidCsvException("'" + fileName + "' is not a CSV or TSV file (.csv, .tsv)");
        }
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new InvalidCsvException(String.format(Locale.ROOT, "the file has %,d bytes; at most %,d "
                        + "(20 MB) can be scored at once", Files.size(file), MAX_BYTES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file),
                decoder));
                CSVParser parser = CSVParser.builder().setReader(skipBom(reader)).setFormat(format).get()) {
            List<String> columns = parser.getHeaderNames();
            if (columns.isEmpty() || columns.stream().allMatch(String::isBlank)) {
                throw new InvalidCsvException("the file has no header row: its first line must name the columns");
            }
            List<List<String>> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw new InvalidCsvException(String.format(Locale.ROOT, "the file has more than %,d rows: "
                            + "split it, or score it through the REST API", MAX_ROWS));
                }
                rows.add(record.toList());
            }
            if (rows.isEmpty()) {
                throw new InvalidCsvException("the file has a header but no rows to score");
            }
            return new Table(List.copyOf(columns), rows);
        } catch (CharacterCodingException e) {
            throw new InvalidCsvException("the file is not UTF-8 text: save it as UTF-8 CSV", e);
        } catch (UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidCsvException("the file is not valid CSV: " + rootMessage(e), e);
        } catch (IOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw new InvalidCsvException("the file is not UTF-8 text: save it as UTF-8 CSV", e);
            }
            throw new InvalidCsvException("the file is not valid CSV: " + e.getMessage(), e);
        }
    }

    private static BufferedReader skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
