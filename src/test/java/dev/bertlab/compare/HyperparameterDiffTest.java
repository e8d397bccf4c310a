package dev.bertlab.compare;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.Knobs;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class HyperparameterDiffTest {

    private final Hyperparameters before = Hyperparameters.builder().learningRate(2e-5).epochs(3).build();
    private final Hyperparameters after = Hyperparameters.builder().learningRate(3e-5).epochs(3)
            .classifierDropout(0.3).build();

    @Test
    void onlyTheChangedHyperparametersDiffer() {
        assertThat(HyperparameterDiff.differing(List.of(before, after)))
                .extracting(HyperparameterRow::key, HyperparameterRow::values)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("learning_rate", List.of("2e-5", "3e-5")),
                        org.assertj.core.groups.Tuple.tuple("classifier_dropout", List.of("0.1", "0.3")));
    }

    @Test
    void allRowsAreThereForTheToggle() {
        List<HyperparameterRow> rows = HyperparameterDiff.rows(List.of(before, after, before));
        assertThat(rows).hasSize(Knobs.all().size());
        assertThat(rows).filteredOn(HyperparameterRow::differs).hasSize(2);
        assertThat(rows).filteredOn(row -> row.key().equals("epochs")).singleElement()
                .satisfies(row -> assertThat(row.values()).containsExactly("3", "3", "3"));
    }

    @Test
    void equalValuesWrittenDifferentlyDoNotDiffer() {
        Hyperparameters implicit = Hyperparameters.builder().metricForBestModel("accuracy").build();
        Hyperparameters explicit = implicit.toBuilder().build();
        assertThat(HyperparameterDiff.differing(List.of(implicit, explicit))).isEmpty();
        assertThat(HyperparameterDiff.differing(List.of(before, before))).isEmpty();
    }

    @Test
    void deltasAreAgainstTheFirstRun() {
        MetricRow accuracy = new MetricRow("test", "accuracy", Arrays.asList(0.80, 0.85, null));
        assertThat(accuracy.delta(1)).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(accuracy.delta(2)).isNull();
        assertThat(accuracy.higherIsBetter()).isTrue();
        assertThat(new MetricRow("validation", "loss", List.of(0.5, 0.4)).higherIsBetter()).isFalse();
    }
}
