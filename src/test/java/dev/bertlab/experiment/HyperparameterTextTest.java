package dev.bertlab.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bertlab.engine.augment.AugmentationMode;
import dev.bertlab.engine.model.ComputePrecision;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.InvalidHyperparametersException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HyperparameterTextTest {

    @Test
    void everyComponentOfTheRecordHasAFieldWithHelp() {
        List<String> components = Arrays.stream(Hyperparameters.class.getRecordComponents())
                .map(RecordComponent::getName).toList();
        assertThat(HyperparameterFields.all()).extracting(HyperparameterField::property)
                .containsExactlyInAnyOrderElementsOf(components);
        assertThat(HyperparameterFields.all()).allSatisfy(field -> {
            assertThat(field.help()).isNotBlank();
            assertThat(field.key()).isEqualTo(field.property().replaceAll("([A-Z])", "_$1").toLowerCase()
                    .replace("adam_beta_", "adam_beta"));
        });
    }

    @Test
    void defaultsReadBackAsDefaults() {
        Map<String, String> texts = HyperparameterText.format(Hyperparameters.defaults());
        assertThat(texts).containsEntry("learning_rate", "2e-5").containsEntry("epochs", "3")
                .containsEntry("scheduler", "LINEAR").containsEntry("greater_is_better", "auto")
                .containsEntry("class_weights", "").containsEntry("adam_epsilon", "1e-8");
        assertThat(HyperparameterText.parse(texts)).isEqualTo(Hyperparameters.defaults());
        assertThat(HyperparameterText.parse(Map.of())).isEqualTo(Hyperparameters.defaults());
    }

    @Test
    void changedValuesRoundTrip() {
        Hyperparameters changed = Hyperparameters.builder().learningRate(5e-5).batchSize(8).classWeights(List.of(1.0,
                2.5)).precision(ComputePrecision.FP16).metricForBestModel("accuracy").seed(7).build();
        Map<String, String> texts = HyperparameterText.format(changed);
        assertThat(texts).containsEntry("class_weights", "1, 2.5").containsEntry("precision", "FP16")
                .containsEntry("greater_is_better", "auto");
        assertThat(HyperparameterText.parse(texts)).isEqualTo(changed);
    }

    @Test
    void everyProblemIsReportedOnItsField() {
        Map<String, String> texts = new HashMap<>(HyperparameterText.format(Hyperparameters.defaults()));
        texts.put("learning_rate", "fast");
        texts.put("batch_size", "0");
        texts.put("epochs", "2.5");
        texts.put("hidden_dropout", "1.5");
        texts.put("max_length", "1024");
        texts.put("truncation", "middle");
        texts.put("scheduler", "sideways");
        InvalidHyperparametersException failure = catchThrowableOfType(InvalidHyperparametersException.class,
                () -> HyperparameterText.parse(texts));
        assertThat(failure.problems()).containsOnlyKeys("learning_rate", "batch_size", "epochs", "hidden_dropout",
                "max_length", "truncation", "scheduler");
        assertThat(failure.problems().get("learning_rate")).contains("'fast' is not a number");
        assertThat(failure.problems().get("epochs")).contains("not a whole number");
        assertThat(failure.problems().get("batch_size")).contains("1 to 4096");
        assertThat(failure.problems().get("scheduler")).contains("CONSTANT, LINEAR, COSINE");
    }

    @Test
    void greaterIsBetterIsExplicitOnlyAgainstTheMetric() {
        Map<String, String> texts = new HashMap<>();
        texts.put("metric_for_best_model", "f1");
        texts.put("greater_is_better", "false");
        Hyperparameters odd = HyperparameterText.parse(texts);
        assertThat(odd.greaterIsBetter()).isFalse();
        assertThat(HyperparameterText.format(odd)).containsEntry("greater_is_better", "false");
        texts.put("greater_is_better", "auto");
        assertThat(HyperparameterText.parse(texts).greaterIsBetter()).isTrue();
    }

    @Test
    void augmentationFieldsAreInRegularisationAndReadBack() {
        assertThat(HyperparameterFields.of(HyperparameterGroup.REGULARISATION)).extracting(HyperparameterField::key)
                .contains("augmentation", "augmentation_strength", "augmented_copies");
        assertThat(HyperparameterFields.byKey("augmentation").orElseThrow().choices())
                .containsExactly("NONE", "EDA", "SYNONYMS", "SWAP", "DELETION");
        assertThat(HyperparameterText.format(Hyperparameters.defaults())).containsEntry("augmentation", "NONE")
                .containsEntry("augmentation_strength", "0.1").containsEntry("augmented_copies", "1");

        Map<String, String> texts = new HashMap<>(Map.of("augmentation", "eda", "augmentation_strength", "0.25",
                "augmented_copies", "3"));
        Hyperparameters read = HyperparameterText.parse(texts);
        assertThat(read.augmentation()).isEqualTo(AugmentationMode.EDA);
        assertThat(read.augmentationStrength()).isEqualTo(0.25);
        assertThat(read.augmentedCopies()).isEqualTo(3);
        assertThat(HyperparameterText.parse(HyperparameterText.format(read))).isEqualTo(read);

        texts.put("augmentation", "mixup");
        texts.put("augmentation_strength", "0.9");
        texts.put("augmented_copies", "many");
        InvalidHyperparametersException failure = catchThrowableOfType(InvalidHyperparametersException.class,
                () -> HyperparameterText.parse(texts));
        assertThat(failure.problems()).containsOnlyKeys("augmentation", "augmentation_strength", "augmented_copies");
        assertThat(failure.problems().get("augmentation")).contains("NONE, EDA, SYNONYMS, SWAP, DELETION");
        assertThat(failure.problems().get("augmentation_strength")).contains("must be 0 to 0.5");
        assertThat(failure.problems().get("augmented_copies")).contains("not a whole number");
    }
}
