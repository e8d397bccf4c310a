package dev.bertlab.engine.diagnose;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Runs every curve rule over a run's history: each kind at most once, at the step it was first established. */
public final class TrainingDiagnostician {

    private final List<CurveRule> rules;

    /** The standard rules with their default thresholds. */
    public TrainingDiagnostician() {
        this(List.of(new LearningRateTooHighRule(), new OutOfMemoryRule(), new OverfittingRule(),
                new UnderfittingRule(), new StagnationRule(), new LearningRateTooLowRule(), new SlowTrainingRule(),
                new NumericFaultRule()));
    }

    /** Other rules or thresholds; one rule per kind. */
    public TrainingDiagnostician(List<CurveRule> rules) {
        long kinds = rules.stream().map(CurveRule::kind).distinct().count();
        if (kinds != rules.size()) {
            throw new IllegalArgumentException("one rule per diagnosis kind, got " + rules.stream()
                    .map(CurveRule::kind).toList());
        }
        this.rules = List.copyOf(rules);
    }

    /** The diagnoses, in the order of the steps they were established at. */
    public List<Diagnosis> diagnose(TrainingHistory history, RunFacts facts) {
        return diagnose(history, facts, Set.of());
    }

    /** The diagnoses of the kinds not in {@code skipped}: a live caller need not re-run rules that already fired. */
    public List<Diagnosis> diagnose(TrainingHistory history, RunFacts facts, Set<DiagnosisKind> skipped) {
        List<Diagnosis> diagnoses = new ArrayList<>();
        for (CurveRule rule : rules) {
            if (!skipped.contains(rule.kind())) {
                rule.check(history, facts).ifPresent(diagnoses::add);
            }
        }
        diagnoses.sort(Comparator.comparing(Diagnosis::step));
        return diagnoses;
    }
}
