package dev.bertlab.engine.diagnose;

import java.util.Locale;

/** What a diagnosis is about; the first eight come from training curves, the rest from the data. */
public enum DiagnosisKind {
    OVERFITTING,
    STAGNATION,
    UNDERFITTING,
    LEARNING_RATE_TOO_HIGH,
    LEARNING_RATE_TOO_LOW,
    OUT_OF_MEMORY,
    SLOW_TRAINING,
    NUMERIC_FAULT,
    HEAVY_TRUNCATION,
    CLASS_IMBALANCE,
    DUPLICATES,
    TRAIN_TEST_LEAKAGE,
    EMPTY_OR_SHORT_TEXTS,
    HIGH_UNK_RATE,
    SUSPECTED_LABEL_NOISE;

    /** For people and log lines: "learning rate too high". */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
