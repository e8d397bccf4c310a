package dev.bertlab.engine.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetFingerprintTest {

    private static final List<String> LABELS = List.of("negative", "positive");

    /** The same dataset is built by small() in reference_fingerprints.py. */
    static Map<Split, List<Example>> small() {
        Map<Split, List<Example>> splits = new EnumMap<>(Split.class);
        splits.put(Split.TRAIN, List.of(Example.classified("a", "good film", null, 1),
                Example.classified("b", "bad film", "pair é", 0)));
        splits.put(Split.VALIDATION, List.of(Example.classified("c", "fine", null, 1)));
        return splits;
    }

    @Test
    void matchesTheIndependentPythonImplementation() {
        // reference values printed by src/test/resources/dev/bertlab/engine/data/reference_fingerprints.py
        assertThat(DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, small()))
                .isEqualTo("44dbf3c8972f5166199a92cbff4eadb694801aa9baf11925decd742294bd3c01");
        Map<Split, List<Example>> regression = Map.of(Split.TRAIN, List.of(Example.regression("r1", "x", null, 0.5),
                Example.regression("r2", "y", null, -3.25)));
        assertThat(DatasetFingerprint.of(TaskType.REGRESSION, List.of(), regression))
                .isEqualTo("e76578a81564494ac588e811787453ec84d11c8e121a4693aee0fd859b22eee3");
    }

    @Test
    void everyChangeOfContentOrSplitChangesIt() {
        String original = DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, small());

        Map<Split, List<Example>> moved = small();
        moved.put(Split.TEST, moved.get(Split.VALIDATION));
        moved.remove(Split.VALIDATION);
        Map<Split, List<Example>> relabeled = replaceFirstTrain(Example.classified("a", "good film", null, 0));
        Map<Split, List<Example>> retexted = replaceFirstTrain(Example.classified("a", "good film!", null, 1));
        Map<Split, List<Example>> renamed = replaceFirstTrain(Example.classified("a2", "good film", null, 1));
        Map<Split, List<Example>> paired = replaceFirstTrain(Example.classified("a", "good film", "", 1));
        Map<Split, List<Example>> reordered = small();
        reordered.put(Split.TRAIN, List.of(small().get(Split.TRAIN).get(1), small().get(Split.TRAIN).get(0)));

        List<String> fingerprints = List.of(original,
                DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, moved),
                DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, relabeled),
                DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, retexted),
                DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, renamed),
                DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, paired),
                DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, reordered),
                DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, List.of("neg", "pos"), small()));
        assertThat(fingerprints).doesNotHaveDuplicates().allMatch(f -> f.matches("[0-9a-f]{64}"));
        assertThat(DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, small())).isEqualTo(original);
    }

    @Test
    void fieldBoundariesAreUnambiguous() {
        Map<Split, List<Example>> one = Map.of(Split.TRAIN, List.of(Example.classified("ab", "c", null, 0)));
        Map<Split, List<Example>> two = Map.of(Split.TRAIN, List.of(Example.classified("a", "bc", null, 0)));
        assertThat(DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, one))
                .isNotEqualTo(DatasetFingerprint.of(TaskType.SINGLE_LABEL_CLASSIFICATION, LABELS, two));
    }

    private static Map<Split, List<Example>> replaceFirstTrain(Example replacement) {
        Map<Split, List<Example>> splits = small();
        List<Example> train = new ArrayList<>(splits.get(Split.TRAIN));
        train.set(0, replacement);
        splits.put(Split.TRAIN, train);
        return splits;
    }
}
