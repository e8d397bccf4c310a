package dev.bertlab.engine.data;

import java.util.Locale;

/** The three parts of a labeled dataset. */
public enum Split {
    TRAIN, VALIDATION, TEST;

    /** Lowercase name used in file names ({@code train.jsonl}) and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@link #id()} (or the enum name), ignoring case. */
    public static Split fromId(String id) {
        for (Split split : values()) {
            if (split.id().equalsIgnoreCase(id)) {
                return split;
            }
        }
        throw new IllegalArgumentException("unknown split '" + id + "'; expected train, validation or test");
    }
}
