package dev.bertlab.engine.data.importing;

/**
 * The mapped values of one row as read, before validation; a value is null where the row has none.
 *
 * @param line line (text formats) or row (Parquet) where the row starts, 1-based
 */
record RawRow(long line, String text, String textPair, String label) {
}
