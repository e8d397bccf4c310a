package dev.bertlab.engine.diagnose;

import dev.bertlab.engine.data.Example;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Duplicates within the training split, exact (same normalised text) or near (word-shingle Jaccard at least 0.9):
 * they weigh some texts more than others, and copies with different labels teach nothing but noise.
 */
final class DuplicatesCheck implements DataCheck {

    /** Redundant copies at least this share of the split are worth a look... */
    static final double WARNING_SHARE = 0.01;
    /** ...this share distorts training (and any copy with another label is a problem). */
    static final double PROBLEM_SHARE = 0.05;
    /** Ids listed for review at most. */
    static final int MAX_LISTED = 50;

    @Override
    public DiagnosisKind kind() {
        return DiagnosisKind.DUPLICATES;
    }

    @Override
    public Optional<Diagnosis> check(DataUnderReview data) {
        List<Example> train = data.train();
        if (train.isEmpty()) {
            return Optional.empty();
        }
        List<NearDuplicateIndex.Pair> pairs = data.trainIndex().pairs();
        int[] group = groups(train.size(), pairs);
        int redundant = 0;
        List<String> copies = new ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            if (group[i] != i) {
                redundant++;
                if (copies.size() < MAX_LISTED) {
                    copies.add(train.get(i).id());
                }
            }
        }
        double share = (double) redundant / train.size();
        if (redundant == 0 || share < WARNING_SHARE) {
            return Optional.empty();
        }
        long exact = pairs.stream().filter(NearDuplicateIndex.Pair::exact).count();
        long near = pairs.size() - exact;
        int conflicting = 0;
        if (data.classification()) {
            for (NearDuplicateIndex.Pair pair : pairs) {
                if (train.get(pair.first()).label() != train.get(pair.second()).label()) {
                    conflicting++;
                }
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("redundant_examples", (double) redundant);
        values.put("redundant_share", share);
        values.put("exact_pairs", (double) exact);
        values.put("near_pairs", (double) near);
        values.put("conflicting_label_pairs", (double) conflicting);
        String sentence = redundant + " of " + train.size() + " training examples (" + Figures.percent(share)
                + ") repeat another one: " + exact + " exact and " + near + " near-duplicate pairs (Jaccard >= "
                + Figures.number(NearDuplicateIndex.DEFAULT_THRESHOLD) + ")"
                + (conflicting > 0 ? ", " + conflicting + " of them with different labels" : "");
        Severity severity = share >= PROBLEM_SHARE || conflicting > 0 ? Severity.PROBLEM : Severity.WARNING;
        return Optional.of(Diagnosis.ofData(kind(), severity, "Duplicates: " + Figures.percent(share)
                        + " of the training split", new Evidence(sentence, values),
                Remedy.adviceOnly("remove the repeated copies (the listed ids), and settle the label of copies that "
                        + "disagree"), copies));
    }

    /** Union-find: for each text the first text of its duplicate group. */
    private static int[] groups(int size, List<NearDuplicateIndex.Pair> pairs) {
        int[] parent = new int[size];
        for (int i = 0; i < size; i++) {
            parent[i] = i;
        }
        for (NearDuplicateIndex.Pair pair : pairs) {
            int a = root(parent, pair.first());
            int b = root(parent, pair.second());
            parent[Math.max(a, b)] = Math.min(a, b);
        }
        for (int i = 0; i < size; i++) {
            parent[i] = root(parent, i);
        }
        return parent;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
