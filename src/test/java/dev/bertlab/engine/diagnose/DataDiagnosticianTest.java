package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.train.Hyperparameters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataDiagnosticianTest {

    @TempDir
    Path temp;

    private static final Hyperparameters HP = Hyperparameters.builder().maxLength(32).build();

    private static Optional<Diagnosis> find(List<Diagnosis> diagnoses, DiagnosisKind kind) {
        List<Diagnosis> found = diagnoses.stream().filter(d -> d.kind() == kind).toList();
        assertThat(found).as("each kind at most once").hasSizeLessThanOrEqualTo(1);
        return found.stream().findFirst();
    }

    @Test
    void aHealthyDatasetGetsNoDiagnosis() throws Exception {
        try (TextEncoder encoder = SyntheticReviews.encoder(temp, 128)) {
            assertThat(new DataDiagnostician().diagnose(SyntheticReviews.healthy(1), HP, encoder,
                    Map.of("train-0", 0.2, "train-1", 1.5))).isEmpty();
        }
    }

    @Test
    void halfTheTextsLongerThanMaxLengthIsHeavyTruncation() throws Exception {
        SyntheticReviews reviews = new SyntheticReviews(2);
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            // 40 words are 42 tokens with [CLS] and [SEP]; 10 words are 12
            train.add(Example.classified("train-" + i, reviews.text(i % 2 == 0 ? 40 : 10), null, i % 2));
        }
        LabeledDataset dataset = SyntheticReviews.dataset(train, List.of(), List.of());
        try (TextEncoder encoder = SyntheticReviews.encoder(temp, 512)) {
            Diagnosis diagnosis = find(new DataDiagnostician().diagnose(dataset, HP, encoder),
                    DiagnosisKind.HEAVY_TRUNCATION).orElseThrow();

            assertThat(diagnosis.step()).isNull();
            assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
            assertThat(diagnosis.evidence().values()).containsEntry("truncated_share", 0.5)
                    .containsEntry("max_length", 32.0).containsEntry("length_p90", 42.0);
            assertThat(diagnosis.evidence().values().get("tokens_lost_share")).isCloseTo(10.0 / 54, within(1e-9));
            // the run's max length decides, not the encoder's own 512
            assertThat(diagnosis.remedy().changes()).containsOnlyKeys("max_length").containsEntry("max_length", 64);
            RemedyTest.assertFormKeysAndValid(diagnosis, HP);
        }
    }

    @Test
    void textsLongerThanBertCanReadAreKeptHeadAndTail() throws Exception {
        SyntheticReviews reviews = new SyntheticReviews(9);
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            train.add(Example.classified("train-" + i, reviews.text(600), null, i % 2));
        }
        Hyperparameters hp = Hyperparameters.builder().maxLength(256).build();
        try (TextEncoder encoder = SyntheticReviews.encoder(temp, 128)) {
            Diagnosis diagnosis = find(new DataDiagnostician().diagnose(SyntheticReviews.dataset(train, List.of(),
                    List.of()), hp, encoder), DiagnosisKind.HEAVY_TRUNCATION).orElseThrow();

            assertThat(diagnosis.evidence().values()).containsEntry("truncated_share", 1.0)
                    .containsEntry("length_p90", 602.0);
            assertThat(diagnosis.remedy().changes()).containsEntry("max_length", 512)
                    .containsEntry("truncation", "head+tail:128");
            RemedyTest.assertFormKeysAndValid(diagnosis, hp);
        }
    }

    @Test
    void manyUnknownTokensAreAHighUnkRateWithTheWorstTextsListed() throws Exception {
        SyntheticReviews reviews = new SyntheticReviews(3);
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String text = reviews.text(20) + (i < 10 ? " qqxz qqxy" : "");
            train.add(Example.classified("train-" + i, text, null, i % 2));
        }
        LabeledDataset dataset = SyntheticReviews.dataset(train, List.of(), List.of());
        try (TextEncoder encoder = SyntheticReviews.encoder(temp, 128)) {
            Diagnosis diagnosis = find(new DataDiagnostician().diagnose(dataset, HP, encoder),
                    DiagnosisKind.HIGH_UNK_RATE).orElseThrow();

            // 20 unknown tokens among 10 x 24 + 40 x 22 = 1120 (special tokens included)
            assertThat(diagnosis.evidence().values().get("unknown_rate")).isCloseTo(20.0 / 1120, within(1e-12));
            assertThat(diagnosis.evidence().values()).containsEntry("texts_with_unknown", 10.0);
            assertThat(diagnosis.exampleIds()).hasSize(10).allMatch(id -> Integer.parseInt(id.substring(6)) < 10);
            assertThat(diagnosis.severity()).isEqualTo(Severity.WARNING);
        }
    }

    @Test
    void eightToOneIsClassImbalanceWithBalancedWeights() {
        SyntheticReviews reviews = new SyntheticReviews(4);
        List<Example> train = new ArrayList<>();
        for (int i = 0; i < 90; i++) {
            train.add(Example.classified("train-" + i, reviews.text(20), null, i < 80 ? 0 : 1));
        }
        Diagnosis diagnosis = find(new DataDiagnostician().diagnose(SyntheticReviews.dataset(train, List.of(),
                List.of()), HP, null), DiagnosisKind.CLASS_IMBALANCE).orElseThrow();

        assertThat(diagnosis.severity()).isEqualTo(Severity.WARNING);
        assertThat(diagnosis.evidence().values()).containsEntry("ratio", 8.0).containsEntry("majority_count", 80.0)
                .containsEntry("minority_count", 10.0);
        assertThat(diagnosis.remedy().changes()).containsEntry("class_weights", List.of(0.563, 4.5))
                .containsEntry("metric_for_best_model", "f1_macro");
        RemedyTest.assertFormKeysAndValid(diagnosis, HP);
    }

    @Test
    void exactAndNearCopiesInTrainAreDuplicatesAndAConflictingLabelMakesThemAProblem() {
        SyntheticReviews reviews = new SyntheticReviews(5);
        List<Example> train = new ArrayList<>(reviews.examples("train", 200, 100, 2));
        // exact copies once normalised: case, punctuation and markup do not matter
        train.add(Example.classified("copy-0", train.get(0).text().toUpperCase() + "!<br />", null, 0));
        train.add(Example.classified("copy-1", train.get(1).text(), null, 1));
        train.add(Example.classified("copy-2", train.get(2).text().replace(" ", ", "), null, 0));
        train.add(Example.classified("copy-3", train.get(3).text(), null, 0)); // train-3 is labelled 1
        // near copies: one word of 100 replaced (Jaccard of 3-word shingles 95/101 = 0.94)
        for (int i = 10; i < 13; i++) {
            train.add(Example.classified("near-" + i, replaceWord(train.get(i).text(), 50, "w1999x"), null, i % 2));
        }
        // not a copy: ten words replaced (Jaccard well below 0.9)
        String reworded = train.get(20).text();
        for (int w = 5; w < 100; w += 10) {
            reworded = replaceWord(reworded, w, "w1998x");
        }
        train.add(Example.classified("reworded", reworded, null, 0));

        Diagnosis diagnosis = find(new DataDiagnostician().diagnose(SyntheticReviews.dataset(train, List.of(),
                List.of()), HP, null), DiagnosisKind.DUPLICATES).orElseThrow();

        assertThat(diagnosis.evidence().values()).containsEntry("redundant_examples", 7.0)
                .containsEntry("exact_pairs", 4.0).containsEntry("near_pairs", 3.0)
                .containsEntry("conflicting_label_pairs", 1.0);
        assertThat(diagnosis.evidence().values().get("redundant_share")).isCloseTo(7.0 / 208, within(1e-12));
        assertThat(diagnosis.exampleIds()).containsExactlyInAnyOrder("copy-0", "copy-1", "copy-2", "copy-3",
                "near-10", "near-11", "near-12");
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
    }

    @Test
    void testExamplesCopiedFromTrainAreLeakage() {
        SyntheticReviews reviews = new SyntheticReviews(6);
        List<Example> train = reviews.examples("train", 200, 100, 2);
        List<Example> test = new ArrayList<>(reviews.examples("test", 47, 100, 2));
        test.add(Example.classified("leak-exact-0", train.get(5).text(), null, 1));
        test.add(Example.classified("leak-exact-1", " " + train.get(6).text().toUpperCase(), null, 0));
        test.add(Example.classified("leak-near", replaceWord(train.get(7).text(), 30, "w1999x"), null, 1));
        List<Example> validation = reviews.examples("validation", 50, 100, 2);

        Diagnosis diagnosis = find(new DataDiagnostician().diagnose(SyntheticReviews.dataset(train, validation,
                test), HP, null), DiagnosisKind.TRAIN_TEST_LEAKAGE).orElseThrow();

        assertThat(diagnosis.evidence().values()).containsEntry("test_leaked", 3.0).containsEntry("test_share", 0.06)
                .containsEntry("validation_leaked", 0.0).containsEntry("exact", 2.0);
        assertThat(diagnosis.exampleIds()).containsExactly("leak-exact-0", "leak-exact-1", "leak-near");
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
        assertThat(diagnosis.evidence().sentence()).startsWith("3 of 50 test (6%)");
    }

    @Test
    void emptyAndOneWordTextsAreReported() {
        SyntheticReviews reviews = new SyntheticReviews(7);
        List<Example> train = new ArrayList<>(reviews.examples("train", 97, 20, 2));
        train.add(Example.classified("markup-only", "<br /><br />", null, 0));
        train.add(Example.classified("one-word", "Great!", null, 1));
        train.add(Example.classified("two-words", "so bad", null, 0));

        Diagnosis diagnosis = find(new DataDiagnostician().diagnose(SyntheticReviews.dataset(train, List.of(),
                List.of()), HP, null), DiagnosisKind.EMPTY_OR_SHORT_TEXTS).orElseThrow();

        assertThat(diagnosis.evidence().values()).containsEntry("empty", 1.0).containsEntry("short", 2.0)
                .containsEntry("share", 0.03);
        assertThat(diagnosis.exampleIds()).containsExactly("markup-only", "one-word", "two-words");
        assertThat(diagnosis.severity()).isEqualTo(Severity.PROBLEM);
    }

    @Test
    void theHighestLossTrainingExamplesAreSuspectedLabelNoise() {
        LabeledDataset dataset = SyntheticReviews.healthy(8);
        Map<String, Double> losses = new HashMap<>();
        dataset.split(dev.bertlab.engine.data.Split.TRAIN).forEach(e -> losses.put(e.id(), 0.1));
        losses.put("train-7", 4.0);
        losses.put("train-3", 5.0);
        losses.put("train-9", 3.5);
        losses.put("train-11", 2.9); // the gold label still has 5.5%: not a suspect

        Diagnosis diagnosis = new DataDiagnostician().suspectedLabelNoise(dataset, HP, losses).orElseThrow();

        assertThat(diagnosis.exampleIds()).containsExactly("train-3", "train-7", "train-9");
        assertThat(diagnosis.evidence().values()).containsEntry("suspects", 3.0).containsEntry("highest_loss", 5.0)
                .containsEntry("share", 0.015);
        assertThat(diagnosis.severity()).isEqualTo(Severity.WARNING);
        assertThat(find(new DataDiagnostician().diagnose(dataset, HP, null, losses),
                DiagnosisKind.SUSPECTED_LABEL_NOISE)).contains(diagnosis);
    }

    static String replaceWord(String text, int index, String replacement) {
        String[] words = text.split(" ");
        words[index] = replacement;
        return String.join(" ", words);
    }
}
