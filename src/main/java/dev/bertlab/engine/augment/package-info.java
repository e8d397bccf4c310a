/**
 * Data augmentation for text classification, a remedy for overfitting on small training splits: EDA-style random
 * deletion, random swap and synonym replacement from WordNet 3.1 ({@link dev.bertlab.engine.augment.WordNetLexicon}),
 * seeded so a run sees the same augmented copies on every machine. Applied to the training split only
 * ({@link dev.bertlab.engine.augment.TrainingAugmentation}). Plain Java, no Spring.
 */
package dev.bertlab.engine.augment;
