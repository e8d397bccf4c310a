package dev.bertlab.report;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.significance.BootstrapDifference;
import dev.bertlab.engine.significance.RunDifference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The report's summary, written from its data: one sentence per refinement on what it changed and what that did to
 * test accuracy ("Raising max_length 8 -> 32 (fix for heavy truncation) moved test accuracy 0.594 -> 0.813 (+21.9
 * points, 95% CI 15.0 to 28.8; significant)."), then one on the family as a whole.
 */
final class ChangeSummary {

    private static final String ACCURACY = "accuracy";

    private ChangeSummary() {
    }

    static List<String> sentences(List<ReportedExperiment> experiments, List<DebuggingStep> steps) {
        List<String> sentences = new ArrayList<>();
        steps.forEach(step -> sentences.add(sentence(step)));
        overall(experiments).ifPresent(sentences::add);
        return sentences;
    }

    static String sentence(DebuggingStep step) {
        StringBuilder sentence = new StringBuilder(capitalised(changesText(step)));
        if (!step.motivatedBy().isEmpty()) {
            sentence.append(" (fix for ").append(kinds(step.motivatedBy())).append(')');
        }
        Optional<Double> before = step.parent().testMetric(ACCURACY);
        Optional<Double> after = step.child().testMetric(ACCURACY);
        if (before.isEmpty() || after.isEmpty()) {
            ReportedExperiment missing = before.isEmpty() ? step.parent() : step.child();
            return sentence + " has no measured effect yet: " + missing.name() + " has no test accuracy.";
        }
        double points = 100 * (after.get() - before.get());
        sentence.append(String.format(Locale.ROOT, " moved test accuracy %.3f -> %.3f (%+.1f points", before.get(),
                after.get(), points));
        RunDifference difference = step.difference();
        if (difference == null) {
            sentence.append("; not tested for significance: ").append(step.noDifference());
        } else {
            BootstrapDifference accuracy = difference.bootstrap().accuracy();
            sentence.append(String.format(Locale.ROOT, ", 95%% CI %+.1f to %+.1f; %s", 100 * accuracy.lower(),
                    100 * accuracy.upper(), verdict(difference.significance())));
        }
        return sentence.append(").").toString();
    }

    /** "Raising max_length 8 -> 32 and changing lr_scheduler_type LINEAR -> COSINE". */
    private static String changesText(DebuggingStep step) {
        if (step.changes().isEmpty()) {
            return "Rerunning " + step.parent().name() + " unchanged as " + step.child().name();
        }
        return step.changes().stream().map(change -> verb(change) + " " + change.text())
                .collect(Collectors.joining(" and "));
    }

    private static String verb(SettingChange change) {
        return change.direction().stream().mapToObj(d -> d > 0 ? "raising" : d < 0 ? "lowering" : "changing")
                .findFirst().orElse("changing");
    }

    private static String verdict(RunDifference.Significance significance) {
        return switch (significance) {
            case SIGNIFICANT -> "significant";
            case BORDERLINE -> "borderline";
            case NOT_SIGNIFICANT -> "not significant";
        };
    }

    /** Where the family ended up: its best test accuracy against where it started. */
    private static Optional<String> overall(List<ReportedExperiment> experiments) {
        ReportedExperiment root = experiments.get(0);
        Optional<ReportedExperiment> best = experiments.stream().filter(e -> e.testMetric(ACCURACY).isPresent())
                .max(Comparator.comparingDouble(e -> e.testMetric(ACCURACY).orElseThrow()));
        if (best.isEmpty()) {
            return Optional.of("No experiment of the family has a test result yet.");
        }
        double bestAccuracy = best.get().testMetric(ACCURACY).orElseThrow();
        Optional<Double> start = root.testMetric(ACCURACY);
        if (best.get() == root || start.isEmpty()) {
            return Optional.of(String.format(Locale.ROOT, "The best test accuracy in the family is %.3f, by %s.",
                    bestAccuracy, best.get().name()));
        }
        return Optional.of(String.format(Locale.ROOT, "Overall, %s reached the best test accuracy, %.3f, against %.3f"
                + " for %s (%+.1f points).", best.get().name(), bestAccuracy, start.get(), root.name(),
                100 * (bestAccuracy - start.get())));
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** Kinds of diagnoses, for people: "heavy truncation and overfitting". */
    static String kinds(List<Diagnosis> diagnoses) {
        return diagnoses.stream().map(d -> d.kind().label()).distinct().collect(Collectors.joining(" and "));
    }
}
