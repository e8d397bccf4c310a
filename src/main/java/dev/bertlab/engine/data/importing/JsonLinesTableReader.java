package dev.bertlab.engine.data.importing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;

import com.fasterxml.jackson.databind.ObjectReader;
import dev.bertlab.engine.json.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One JSON object per line; blank lines are skipped. */
final class JsonLinesTableReader implements TableReader {

    // a line holding two values ({"a": 1} {"b": 2}) is malformed, not its first value
    private static final ObjectReader JSON = Json.mapper().reader()
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    @Override
    public RawTable read(Path file, String fileLabel, ColumnMapping columns, ProblemCollector problems)
            throws IOException {
        Set<String> fields = new LinkedHashSet<>();
        List<RawRow> rows = new ArrayList<>();
        try (BufferedReader reader = Utf8Check.openReader(file)) {
            String line;
            long lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = JSON.readTree(line);
                } catch (JsonProcessingException e) {
                    problems.add(fileLabel, lineNumber, null, "malformed JSON at character "
                            + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
                    continue;
                }
                if (!node.isObject()) {
                    problems.add(fileLabel, lineNumber, null, "the line is a JSON " + node.getNodeType()
                            .name().toLowerCase(java.util.Locale.ROOT) + ", not an object {\"field\": value, ...}");
                    continue;
                }
                node.fieldNames().forEachRemaining(fields::add);
                Optional<String> tooWide = TableLimits.jsonFieldsProblem(fields.size());
                if (tooWide.isPresent()) {
                    problems.add(fileLabel, lineNumber, null, tooWide.get() + ". Reading stopped here");
                    return null;
                }
                int before = problems.count();
                RawRow row = new RawRow(lineNumber, value(node, columns.text(), fileLabel, lineNumber, problems),
                        value(node, columns.textPair(), fileLabel, lineNumber, problems),
                        value(node, columns.label(), fileLabel, lineNumber, problems));
                if (problems.count() == before) {
                    rows.add(row);
                }
            }
        }
        return new RawTable(List.copyOf(fields), rows);
    }

    /** Strings as they are, numbers and booleans as written; null and absent fields read as no value. */
    private static String value(JsonNode row, String field, String fileLabel, long line, ProblemCollector problems) {
        if (field == null) {
            return null;
        }
        JsonNode value = row.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            problems.add(fileLabel, line, field, "holds a JSON " + (value.isArray() ? "array" : "object")
                    + "; expected a string or a number");
            return null;
        }
        return value.asText();
    }
}
