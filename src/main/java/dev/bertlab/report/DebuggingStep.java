package dev.bertlab.report;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.significance.RunDifference;
import java.util.List;

/**
 * One parent -> child edge of a family: what changed and why, which diagnoses of the parent's run it answers, and
 * whether the child's result really differs from the parent's.
 *
 * @param parent the experiment changed
 * @param child the experiment with the change
 * @param changes the settings that differ, in form order
 * @param motivatedBy diagnoses of the parent's run whose remedy touches a changed setting or that the change note
 *     names
 * @param difference the child's run against the parent's on the same test set, or null
 * @param noDifference why there is no {@code difference} (a side has no finished run, different test sets), a clause
 *     without a full stop so that sentences can go on after it; or null
 */
public record DebuggingStep(ReportedExperiment parent, ReportedExperiment child, List<SettingChange> changes,
        List<Diagnosis> motivatedBy, RunDifference difference, String noDifference) {

    public DebuggingStep {
        changes = List.copyOf(changes);
        motivatedBy = List.copyOf(motivatedBy);
    }

    /** The child's note of what changed and why ("" for none). */
    public String changeNote() {
        String note = child.experiment().getChangeNote();
        return note == null ? "" : note;
    }
}
