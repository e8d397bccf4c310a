package dev.bertlab.engine.data;

import java.util.Locale;

/** The three parts of a labeled dataset. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** Lowercase name used in file names ({@code train.jsonl}) and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
