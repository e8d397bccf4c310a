package dev.bertlab.dataset;

import dev.bertlab.engine.data.importing.FileFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The first rows of an uploaded file, so a user can see its columns before mapping them.
 *
 * @param fileName the file's name as uploaded
 * @param format its format, or null when the name does not tell
 * @param columns every column found, in file order
 * @param rows the first rows, column to value (a value may be missing)
 * @param problem why the file could not be previewed, or null
 */
public record FilePreview(String fileName, FileFormat format, List<String> columns, List<Map<String, String>> rows,
        String problem) {

    public FilePreview {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    static FilePreview failed(String fileName, FileFormat format, String problem) {
        return new FilePreview(fileName, format, List.of(), List.of(), problem);
    }

    /** The first column named like a text column (text, review, sentence...), if any. */
    public Optional<String> likelyTextColumn() {
        return firstNamed(List.of("text", "review", "sentence", "content", "body", "t", "text_a", "sentence1"));
    }

    /** The first column named like a label column (label, class, sentiment...), if any. */
    public Optional<String> likelyLabelColumn() {
        return firstNamed(List.of("label", "labels", "class", "sentiment", "target", "category", "s", "y", "score"));
    }

    private Optional<String> firstNamed(List<String> names) {
        for (String name : names) {
            for (String column : columns) {
                if (column.equalsIgnoreCase(name)) {
                    return Optional.of(column);
                }
            }
        }
        return Optional.empty();
    }
}
