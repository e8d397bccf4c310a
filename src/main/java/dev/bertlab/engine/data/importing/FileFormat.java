package dev.bertlab.engine.data.importing;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats a dataset can be imported from. */
public enum FileFormat {
    CSV(List.of("csv")),
    TSV(List.of("tsv", "tab")),
    JSONL(List.of("jsonl", "ndjson")),
    PARQUET(List.of("parquet", "pq"));

    private final List<String> extensions;

    FileFormat(List<String> extensions) {
        this.extensions = extensions;
    }

    public List<String> extensions() {
        return extensions;
    }

    /** The format a file's extension names, if any. */
    public static Optional<FileFormat> fromFileName(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String extension = name.substring(dot + 1);
        for (FileFormat format : values()) {
            if (format.extensions.contains(extension)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** Whether rows are lines of text, so positions are line numbers (Parquet has rows instead). */
    boolean isText() {
        return this != PARQUET;
    }
}
