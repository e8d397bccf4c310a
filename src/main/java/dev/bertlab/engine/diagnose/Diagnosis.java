package dev.bertlab.engine.diagnose;

import java.util.List;
import java.util.Objects;

/**
 * One finding of the debugging assistant. Serialises to JSON as it is (Jackson reads records).
 *
 * @param kind what is wrong
 * @param severity how much it matters
 * @param step the optimizer step where the rule was established, for a chart marker; null for data checks
 * @param title one line for a list or a chart tooltip
 * @param evidence the values and steps that made the rule fire
 * @param remedy what to change
 * @param exampleIds examples a person should look at (duplicates, leaked or suspect examples); empty for curves
 */
public record Diagnosis(DiagnosisKind kind, Severity severity, Integer step, String title, Evidence evidence,
        Remedy remedy, List<String> exampleIds) {

    public Diagnosis {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(remedy, "remedy");
        exampleIds = exampleIds == null ? List.of() : List.copyOf(exampleIds);
    }

    /** A diagnosis of the training curves, marked at {@code step}. */
    public static Diagnosis atStep(DiagnosisKind kind, Severity severity, int step, String title, Evidence evidence,
            Remedy remedy) {
        return new Diagnosis(kind, severity, step, title, evidence, remedy, List.of());
    }

    /** A diagnosis of the data, with the examples to look at. */
    public static Diagnosis ofData(DiagnosisKind kind, Severity severity, String title, Evidence evidence,
            Remedy remedy, List<String> exampleIds) {
        return new Diagnosis(kind, severity, null, title, evidence, remedy, exampleIds);
    }

    /**
     * The line a log prints: "diagnosis at step 120: overfitting - validation loss rose 0.41 -> 0.47 over 2
     * evaluations while training loss fell; try classifier_dropout 0.3, weight_decay 0.02".
     */
    public String logLine() {
        String where = step == null ? "data diagnosis" : "diagnosis at step " + step;
        String remedyPart = remedy.changes().isEmpty() ? remedy.advice() : "try " + remedy.changesText();
        return where + ": " + kind.label() + " - " + evidence.sentence() + "; " + remedyPart;
    }
}
