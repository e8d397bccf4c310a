package dev.bertlab.engine.augment;

/** Which augmentation a run applies to its training split. */
public enum AugmentationMode {
    /** the training split as it is */
    NONE,
    /** Easy Data Augmentation (Wei and Zou 2019): each copy gets one of synonym replacement, swap or deletion */
    EDA,
    /** every copy replaces words with WordNet synonyms */
    SYNONYMS,
    /** every copy swaps pairs of words */
    SWAP,
    /** every copy deletes words at random */
    DELETION;

    /** Whether this mode needs the synonym lexicon. */
    public boolean usesLexicon() {
        return this == EDA || this == SYNONYMS;
    }
}
