/**
 * Is the difference between two runs real? Statistics that compare two runs' predictions on the same test set
 * ({@link dev.bertlab.engine.significance.PairedBootstrap}, {@link dev.bertlab.engine.significance.McNemarTest}),
 * summarise a metric over repeated seeds ({@link dev.bertlab.engine.significance.SeedSummary}), and say the
 * outcome in one sentence ({@link dev.bertlab.engine.significance.RunDifference#plainVerdict()}).
 *
 * <p>Plain Java, no Spring: the CLI, tests and the web app's services call it directly. Every result is a record
 * of plain fields so that Jackson writes it as it is.
 */
package dev.bertlab.engine.significance;
