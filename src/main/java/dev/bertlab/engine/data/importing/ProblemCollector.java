package dev.bertlab.engine.data.importing;

import java.util.ArrayList;
import java.util.List;

/** Gathers every problem of an import so the user can fix them all at once; keeps the first ones, counts all. */
final class ProblemCollector {

    static final int MAX_SHOWN = 50;

    private final List<DatasetProblem> kept = new ArrayList<>();
    private int total;

    void add(DatasetProblem problem) {
        total++;
        if (kept.size() < MAX_SHOWN) {
            kept.add(problem);
        }
    }

    void add(String file, long line, String column, String message) {
        add(new DatasetProblem(file, line, column, message));
    }

    int count() {
        return total;
    }

    void throwIfAny() {
        throwIfAny(false);
    }

    /** Throws if problems were found, or if {@code stopHere} (there must be some then: the caller found them). */
    void throwIfAny(boolean stopHere) {
        if (total > 0 || stopHere) {
            throw new DatasetValidationException(kept, total);
        }
    }
}
