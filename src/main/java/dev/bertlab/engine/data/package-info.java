/**
 * Labeled text datasets for training: the data model ({@link dev.bertlab.engine.data.LabeledDataset},
 * {@link dev.bertlab.engine.data.Example}, {@link dev.bertlab.engine.data.DatasetInfo}), the
 * {@link dev.bertlab.engine.data.DatasetCatalog} of built-in and imported datasets stored under
 * {@code <dataDir>/datasets/}, seeded splits and subsets that are identical on every machine, and content
 * fingerprints a run records. Plain Java, no Spring.
 */
package dev.bertlab.engine.data;
