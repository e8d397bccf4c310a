package dev.bertlab.report;

import dev.bertlab.engine.diagnose.Diagnosis;
import java.time.Instant;
import java.util.List;

/**
 * Everything a family report says, gathered once so that writers (HTML today) only lay it out.
 *
 * @param familyName the name of the family's first experiment
 * @param generatedAt when the data was read
 * @param experiments every experiment of the family in tree order (a parent before its children)
 * @param initialProblem what the debugging assistant found in the first experiment's run: the problem the family set
 *     out to fix, with its evidence
 * @param steps one per parent -> child edge, in tree order
 * @param evaluation the final evaluation table, one row per experiment, in tree order
 * @param summary generated sentences of what changed what, the last one on the family as a whole
 * @param problems files that could not be read, so a reader knows a section may be incomplete
 */
public record FamilyReport(String familyName, Instant generatedAt, List<ReportedExperiment> experiments,
        List<Diagnosis> initialProblem, List<DebuggingStep> steps, List<EvaluationRow> evaluation,
        List<String> summary, List<String> problems) {

    public FamilyReport {
        experiments = List.copyOf(experiments);
        initialProblem = List.copyOf(initialProblem);
        steps = List.copyOf(steps);
        evaluation = List.copyOf(evaluation);
        summary = List.copyOf(summary);
        problems = List.copyOf(problems);
    }

    /** The family's first experiment. */
    public ReportedExperiment root() {
        return experiments.get(0);
    }

    /** Whether any experiment of the family has a finished run to report on. */
    public boolean hasResults() {
        return experiments.stream().anyMatch(ReportedExperiment::hasResults);
    }
}
