package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.data.Example;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Suspected label noise: training examples the trained model still gets badly wrong (per-example loss far above
 * the rest) are often mislabelled. The highest-loss ones are listed for a person to review.
 */
final class LabelNoiseCheck implements DataCheck {

    /** Cross-entropy above -ln(0.05): the model gives the gold label less than 5% after training on it. */
    static final double SUSPECT_LOSS = -Math.log(0.05);
    /** Suspects at least this share of the training split are a problem, not a handful to fix. */
    static final double PROBLEM_SHARE = 0.05;
    /** Examples listed for review, highest loss first. */
    static final int TOP_K = 20;

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.SUSPECTED_LABEL_NOISE;
    }

    @Override
    public Optional<Diagnosis> check(DataUnderReview data) {
        if (!data.classification() || data.trainingLosses().isEmpty()) {
            return Optional.empty();
        }
        List<Example> suspects = data.train().stream()
                .filter(e -> data.trainingLosses().getOrDefault(e.id(), 0.0) > SUSPECT_LOSS)
                .sorted(Comparator.comparingDouble((Example e) -> data.trainingLosses().get(e.id())).reversed())
                .toList();
        if (suspects.isEmpty()) {
            return Optional.empty();
        }
        double share = (double) suspects.size() / data.train().size();
        double highest = data.trainingLosses().get(suspects.get(0).id());
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("suspects", (double) suspects.size());
        values.put("share", share);
        values.put("highest_loss", highest);
        values.put("suspect_loss", SUSPECT_LOSS);
        String sentence = suspects.size() + " training examples (" + Figures.percent(share) + ") have a loss above "
                + Figures.number(SUSPECT_LOSS) + " (gold label under 5% probability), the highest "
                + Figures.number(highest) + " (" + suspects.get(0).id() + ")";
        List<String> ids = suspects.stream().limit(TOP_K).map(Example::id).toList();
        return Optional.of(Diagnosis.ofData(kind(), share >= PROBLEM_SHARE ? Severity.PROBLEM : Severity.WARNING,
                "Suspected label noise: " + suspects.size() + " examples the model firmly disagrees with",
                new Evidence(sentence, values), Remedy.adviceOnly("review the listed examples, highest loss first; "
                        + "relabel or remove the wrong ones"), ids));
    }
}
