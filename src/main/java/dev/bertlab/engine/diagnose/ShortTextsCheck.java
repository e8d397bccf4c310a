package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.Split;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Empty or very short texts: nothing for the model to read, often an import mistake (wrong column, markup only). */
final class ShortTextsCheck implements DataCheck {

    /** Fewer words than this is "very short". */
    static final int MIN_WORDS = 3;
    /** Short texts at least this share of the dataset are reported; an empty one always is. */
    static final double WARNING_SHARE = 0.01;
    static final double PROBLEM_SHARE = 0.05;
    static final int MAX_LISTED = 50;

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.EMPTY_OR_SHORT_TEXTS;
    }

    @Override
    public Optional<Diagnosis> check(DataUnderReview data) {
        int empty = 0;
        int shortTexts = 0;
        int total = 0;
        List<String> ids = new ArrayList<>();
        for (Split split : Split.values()) {
            for (Example example : data.dataset().split(split)) {
                total++;
                String words = ShingledText.normalise(example.text());
                int count = words.isEmpty() ? 0 : words.split(" ").length;
                if (count == 0) {
                    empty++;
                } else if (count < MIN_WORDS) {
                    shortTexts++;
                } else {
                    continue;
                }
                if (ids.size() < MAX_LISTED) {
                    ids.add(example.id());
                }
            }
        }
        double share = total == 0 ? 0 : (double) (empty + shortTexts) / total;
        if (empty == 0 && share < WARNING_SHARE) {
            return Optional.empty();
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("empty", (double) empty);
        values.put("short", (double) shortTexts);
        values.put("share", share);
        String sentence = empty + " texts have no words and " + shortTexts + " fewer than " + MIN_WORDS + " ("
                + Figures.percent(share) + " of " + total + " examples)";
        Severity severity = empty > 0 || share >= PROBLEM_SHARE ? Severity.PROBLEM : Severity.WARNING;
        return Optional.of(Diagnosis.ofData(kind(), severity, "Empty or very short texts: " + (empty + shortTexts),
                new Evidence(sentence, values), Remedy.adviceOnly("check the import's text column and remove or fix "
                        + "the listed examples"), ids));
    }
}
