package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Train-test leakage: validation or test texts that are (near) copies of training texts, so their scores measure
 * memory, not generalisation.
 */
final class LeakageCheck implements DataCheck {

    /** Leaked examples at least this share of the evaluated splits are reported (a lone coincidence is not)... */
    static final double WARNING_SHARE = 0.001;
    /** ...and from this share on they inflate the scores noticeably. */
    static final double PROBLEM_SHARE = 0.01;
    static final int MAX_LISTED = 50;

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.TRAIN_TEST_LEAKAGE;
    }

    @Override
    public Optional<Diagnosis> check(DataUnderReview data) {
        if (data.trainIndex().size() == 0) {
            return Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        List<String> leakedIds = new ArrayList<>();
        int leaked = 0;
        int evaluated = 0;
        int exact = 0;
        StringBuilder perSplit = new StringBuilder();
        for (Split split : List.of(Split.TEST, Split.VALIDATION)) {
            List<Example> examples = data.dataset().split(split);
            int inSplit = 0;
            for (Example example : examples) {
                Optional<NearDuplicateIndex.Match> match = data.trainIndex()
                        .match(DataUnderReview.comparedText(example));
                if (match.isPresent()) {
                    inSplit++;
                    exact += match.get().exact() ? 1 : 0;
                    if (leakedIds.size() < MAX_LISTED) {
                        leakedIds.add(example.id());
                    }
                }
            }
            evaluated += examples.size();
            leaked += inSplit;
            values.put(split.id() + "_leaked", (double) inSplit);
            values.put(split.id() + "_share", examples.isEmpty() ? 0.0 : (double) inSplit / examples.size());
            if (!examples.isEmpty()) {
                perSplit.append(perSplit.length() == 0 ? "" : ", ").append(inSplit).append(" of ")
                        .append(examples.size()).append(' ').append(split.id()).append(" (")
                        .append(Figures.percent((double) inSplit / examples.size())).append(')');
            }
        }
        double share = evaluated == 0 ? 0 : (double) leaked / evaluated;
        if (leaked == 0 || share < WARNING_SHARE) {
            return Optional.empty();
        }
        values.put("exact", (double) exact);
        String sentence = perSplit + " examples also occur in the training split (" + exact + " exactly, "
                + (leaked - exact) + " nearly)";
        return Optional.of(Diagnosis.ofData(kind(), share >= PROBLEM_SHARE ? Severity.PROBLEM : Severity.WARNING,
                "Train-test leakage: " + leaked + " evaluation examples are in the training split",
                new Evidence(sentence, values), Remedy.adviceOnly("remove the listed examples from validation and "
                        + "test (or from train) and re-split by source, so scores measure generalisation"),
                leakedIds));
    }
}
