package dev.bertlab.engine.data;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StratifiedSamplerTest {

    private static LabeledDataset dataset() {
        List<Example> pool = StratifiedSplitterTest.pool();
        return LabeledDataset.of("toy", "Toy", TaskType.SINGLE_LABEL_CLASSIFICATION, List.of("a", "b", "c"),
                "test", StratifiedSplitter.stratified(pool, 3, 20, 20, 1));
    }

    @Test
    void subsetKeepsClassProportionsByLargestRemainder() {
        LabeledDataset full = dataset();
        int[] trainClasses = StratifiedSplitterTest.countLabels(full.split(Split.TRAIN), 3);
        LabeledDataset subset = full.subset(Map.of(Split.TRAIN, 15, Split.TEST, 5), 99);

        assertThat(subset.split(Split.TRAIN)).hasSize(15);
        assertThat(subset.split(Split.TEST)).hasSize(5);
        assertThat(subset.split(Split.VALIDATION)).isEqualTo(full.split(Split.VALIDATION));
        int[] expected = LargestRemainder.apportion(15, trainClasses, trainClasses);
        assertThat(StratifiedSplitterTest.countLabels(subset.split(Split.TRAIN), 3)).containsExactly(expected);
        // 60 examples as 36/18/6 of classes a/b/c: 15 of them are exactly 9/4.5/1.5 -> 9/5/1 (ties to lower index)
        assertThat(trainClasses).containsExactly(36, 18, 6);
        assertThat(expected).containsExactly(9, 5, 1);
        assertThat(full.split(Split.TRAIN)).containsAll(subset.split(Split.TRAIN));
        assertThat(subset.info().counts()).containsEntry(Split.TRAIN, 15).containsEntry(Split.TEST, 5);
    }

    @Test
    void subsetIsDeterministicForASeedAndHasItsOwnFingerprint() {
        LabeledDataset full = dataset();
        LabeledDataset first = full.subset(Map.of(Split.TRAIN, 15), 99);
        LabeledDataset again = full.subset(Map.of(Split.TRAIN, 15), 99);
        LabeledDataset otherSeed = full.subset(Map.of(Split.TRAIN, 15), 100);

        assertThat(again.splits()).isEqualTo(first.splits());
        assertThat(again.info().fingerprint()).isEqualTo(first.info().fingerprint());
        assertThat(otherSeed.split(Split.TRAIN)).isNotEqualTo(first.split(Split.TRAIN));
        assertThat(first.info().fingerprint()).isNotEqualTo(full.info().fingerprint())
                .isNotEqualTo(otherSeed.info().fingerprint());
        assertThat(first.info().source()).contains("seed 99", full.info().fingerprint());
    }

    @Test
    void regressionSubsetsAreRandomAndSeeded() {
        List<Example> pool = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            pool.add(Example.regression("r" + i, "t" + i, null, i));
        }
        LabeledDataset full = LabeledDataset.of("reg", "Reg", TaskType.REGRESSION, List.of(), "test",
                Map.of(Split.TRAIN, pool));
        LabeledDataset subset = full.subset(Map.of(Split.TRAIN, 10), 5);
        assertThat(subset.split(Split.TRAIN)).hasSize(10).doesNotHaveDuplicates();
        assertThat(pool).containsAll(subset.split(Split.TRAIN));
        assertThat(full.subset(Map.of(Split.TRAIN, 10), 5).splits()).isEqualTo(subset.splits());
    }

    @Test
    void refusesMoreThanASplitHolds() {
        assertThatThrownBy(() -> dataset().subset(Map.of(Split.TEST, 21), 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot take 21 test examples; the split has 20");
    }
}
