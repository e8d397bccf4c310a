package dev.bertlab.engine.data.importing;

import java.util.List;

/**
 * What a reader found in a file.
 *
 * @param columns every column the file has (for JSON lines: every field of any line), in file order
 * @param rows    the rows it could read
 */
record RawTable(List<String> columns, List<RawRow> rows) {
}
