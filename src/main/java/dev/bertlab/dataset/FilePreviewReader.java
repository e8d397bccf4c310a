package dev.bertlab.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.data.importing.FileFormat;
import dev.bertlab.engine.data.importing.TableLimits;
import dev.bertlab.engine.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.parquet.ParquetReadOptions;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.api.ReadSupport;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.schema.Type;

/**
 * Reads the header and first rows of a CSV, TSV, JSON lines or Parquet file, leniently: a preview shows what can be
 * read (rows up to a malformed one, well-formed JSON lines); the importer checks everything later and reports each
 * problem with its place.
 */
final class FilePreviewReader {

    private static final ObjectMapper JSON = Json.mapper();
    private static final int MAX_CELL = 300;

    private FilePreviewReader() {
    }

    static FilePreview read(Path file, String fileName, int maxRows) {
        FileFormat format = FileFormat.fromFileName(Path.of(fileName)).orElse(null);
        if (format == null) {
            return FilePreview.failed(fileName, null, "cannot tell the format from the name " + fileName
                    + ": name it .csv, .tsv, .jsonl or .parquet");
        }
        try {
            return switch (format) {
                case CSV -> delimited(file, fileName, format, ',', maxRows);
                case TSV -> delimited(file, fileName, format, '\t', maxRows);
                case JSONL -> jsonLines(file, fileName, maxRows);
                case PARQUET -> parquet(file, fileName, maxRows);
            };
        } catch (IOException | RuntimeException e) {
            return FilePreview.failed(fileName, format, "cannot read the first rows: " + e.getMessage());
        }
    }

    private static FilePreview delimited(Path file, String fileName, FileFormat format, char delimiter, int maxRows)
            throws IOException {
        Optional<String> tooLong = TableLimits.headerLineProblem(file);
        if (tooLong.isPresent()) {
            return FilePreview.failed(fileName, format, fileName + ", line 1: " + tooLong.get());
        }
        CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).get();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader).setFormat(csv).get()) {
            List<String> columns = parser.getHeaderNames();
            Optional<String> tooWide = TableLimits.headerColumnsProblem(columns.size());
            if (tooWide.isPresent()) {
                return FilePreview.failed(fileName, format, fileName + ", line 1: " + tooWide.get());
            }
            List<Map<String, String>> rows = new ArrayList<>();
            Iterator<CSVRecord> records = parser.iterator();
            while (rows.size() < maxRows) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException malformed) {
                    // the importer reports it with its line; the preview shows what came before
                    break;
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < columns.size() && i < record.size(); i++) {
                    row.put(columns.get(i), shorten(record.get(i)));
                }
                rows.add(row);
            }
            return new FilePreview(fileName, format, columns, rows, null);
        }
    }

    private static FilePreview jsonLines(Path file, String fileName, int maxRows) throws IOException {
        Set<String> columns = new LinkedHashSet<>();
        List<Map<String, String>> rows = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long lineNumber = 0;
            while (rows.size() < maxRows && (line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException malformed) {
                    continue;
                }
                if (node == null || !node.isObject()) {
                    continue;
                }
                Map<String, String> row = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> {
                    columns.add(field.getKey());
                    row.put(field.getKey(), shorten(field.getValue().isValueNode() ? field.getValue().asText()
                            : field.getValue().toString()));
                });
                Optional<String> tooWide = TableLimits.jsonFieldsProblem(columns.size());
                if (tooWide.isPresent()) {
                    return FilePreview.failed(fileName, FileFormat.JSONL, fileName + ", line " + lineNumber + ": "
                            + tooWide.get());
                }
                rows.add(row);
            }
        }
        return new FilePreview(fileName, FileFormat.JSONL, List.copyOf(columns), rows, null);
    }

    private static FilePreview parquet(Path file, String fileName, int maxRows) throws IOException {
        try (ParquetFileReader footer = ParquetFileReader.open(new LocalInputFile(file),
                ParquetReadOptions.builder(new PlainParquetConfiguration()).build())) {
            Optional<String> tooWide = TableLimits.fileColumnsProblem(footer.getFooter().getFileMetaData()
                    .getSchema().getFieldCount());
            if (tooWide.isPresent()) {
                return FilePreview.failed(fileName, FileFormat.PARQUET, fileName + ": " + tooWide.get());
            }
        }
        List<Map<String, String>> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        try (ParquetReader<Group> reader = new ParquetReader.Builder<Group>(new LocalInputFile(file),
                new PlainParquetConfiguration()) {
            @Override
            protected ReadSupport<Group> getReadSupport() {
                return new GroupReadSupport();
            }
        }.build()) {
            Group group;
            while (rows.size() < maxRows && (group = reader.read()) != null) {
                if (columns.isEmpty()) {
                    group.getType().getFields().forEach(field -> columns.add(field.getName()));
                }
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < group.getType().getFieldCount(); i++) {
                    Type type = group.getType().getType(i);
                    if (type.isPrimitive() && group.getFieldRepetitionCount(i) > 0) {
                        row.put(type.getName(), shorten(group.getValueToString(i, 0)));
                    }
                }
                rows.add(row);
            }
        }
        return new FilePreview(fileName, FileFormat.PARQUET, columns, rows, null);
    }

    private static String shorten(String value) {
        return value == null || value.length() <= MAX_CELL ? value : value.substring(0, MAX_CELL) + "…";
    }
}
