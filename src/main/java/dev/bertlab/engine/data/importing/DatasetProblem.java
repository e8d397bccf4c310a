package dev.bertlab.engine.data.importing;

/**
 * One thing wrong with the files of an import, with where it is.
 *
 * @param file    the file as the user gave it; null for a problem with the request (the name)
 * @param line    1-based line of a text file, or 1-based row of a Parquet file; 0 for the whole file
 * @param column  the column concerned, or null
 * @param message what is wrong and what to do
 */
public record DatasetProblem(String file, long line, String column, String message) {

    static DatasetProblem ofFile(String file, String message) {
        return new DatasetProblem(file, 0, null, message);
    }

    /** E.g. {@code train.csv, line 12, column 'label': missing label}. */
    @Override
    public String toString() {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file);
        }
        if (line > 0) {
            where.append(where.isEmpty() ? "" : ", ").append(positionWord()).append(' ').append(line);
        }
        if (column != null) {
            where.append(where.isEmpty() ? "" : ", ").append("column '").append(column).append('\'');
        }
        return where.isEmpty() ? message : where + ": " + message;
    }

    private String positionWord() {
        return file != null && FileFormat.fromFileName(java.nio.file.Path.of(file))
                .map(format -> !format.isText()).orElse(false) ? "row" : "line";
    }
}
