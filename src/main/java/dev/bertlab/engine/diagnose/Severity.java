package dev.bertlab.engine.diagnose;

/** How much a diagnosis matters. */
public enum Severity {
    /** Worth a look; the run may still be fine. */
    WARNING,
    /** The run or the data is broken in a way that costs results. */
    PROBLEM
}
