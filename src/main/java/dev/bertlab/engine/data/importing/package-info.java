/**
 * Importing a user's CSV, TSV, JSON lines or Parquet files as a dataset: every problem is found and reported with
 * its file, line or row, and column before anything is stored.
 */
package dev.bertlab.engine.data.importing;
