package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bertlab.engine.augment.AugmentationMode;
import dev.bertlab.engine.model.ComputePrecision;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KnobsTest {

    @Test
    void everyKnobHasASnakeCaseNameAGroupAHelpTextAndAReadableDefault() {
        assertThat(Knobs.all()).hasSize(38).extracting(Knob::key).doesNotHaveDuplicates()
                .allMatch(key -> key.matches("[a-z][a-z0-9_]*"));
        assertThat(Knobs.all()).allSatisfy(knob -> {
            assertThat(knob.help()).isNotBlank();
            assertThat(knob.group()).isNotNull();
            assertThat(knob.parse(knob.defaultText())).isEqualTo(knob.fixedDefault().orElse(null));
        });
    }

    /** What a new knob gets without further code: a JSON and a text form that read back, and its range checked. */
    @Test
    void everyKnobRoundTripsAsJsonAndTextAndHasItsRangeChecked() {
        Hyperparameters defaults = Hyperparameters.defaults();
        assertThat(defaults.asMap().keySet()).containsExactlyElementsOf(Knobs.all().stream().map(Knob::key).toList());
        assertThat(Hyperparameters.fromMap(defaults.asMap())).isEqualTo(defaults);
        assertThat(Hyperparameters.fromTexts(defaults.asTexts())).isEqualTo(defaults);
        for (Knob<?> knob : Knobs.all()) {
            knob.range().ifPresent(range -> {
                double outside = range.max() != null ? range.max() + 1 : range.min() - 1;
                Object value = knob.kind() == Knob.Kind.DECIMAL ? (Object) outside : (Object) (long) outside;
                InvalidHyperparametersException failure = catchThrowableOfType(InvalidHyperparametersException.class,
                        () -> Hyperparameters.fromMap(Map.of(knob.key(), value)));
                assertThat(failure).as(knob.key()).isNotNull();
                assertThat(failure.problems()).as(knob.key()).containsOnlyKeys(knob.key());
                assertThat(failure.problems().get(knob.key())).startsWith(range.requirement());
            });
        }
    }

    @Test
    void replacingKnobsByNameKeepsADerivedDefaultFollowingUnlessItIsSetItself() {
        Hyperparameters byLoss = Hyperparameters.defaults();
        assertThat(byLoss.greaterIsBetter()).isFalse();
        Hyperparameters byAccuracy = byLoss.with(Map.of("metric_for_best_model", "accuracy", "learning_rate", 3e-5));
        assertThat(byAccuracy.greaterIsBetter()).as("accuracy: larger is better").isTrue();
        assertThat(byAccuracy.learningRate()).isEqualTo(3e-5);
        Hyperparameters pinned = byLoss.with(Map.of("greater_is_better", true));
        assertThat(pinned.with(Map.of("metric_for_best_model", "mae")).greaterIsBetter())
                .as("set by hand, it stays").isTrue();
        assertThat(byLoss.toBuilder().metricForBestModel("f1").build().greaterIsBetter()).isTrue();
    }

    @Test
    void theSweepableKnobsAreMarkedInTheTable() {
        assertThat(Knobs.all().stream().filter(Knob::sweepable).map(Knob::key)).containsExactlyInAnyOrder(
                "learning_rate", "batch_size", "epochs", "warmup_ratio", "hidden_dropout", "attention_dropout",
                "classifier_dropout", "weight_decay", "max_length", "scheduler", "gradient_accumulation",
                "truncation");
    }

    @Test
    void theTypedShorthandsReadTheirKnobs() {
        Hyperparameters hp = Hyperparameters.builder().learningRate(3e-5).maxLength(64).seed(9).build();
        assertThat(hp.learningRate()).isEqualTo(hp.get(Knobs.LEARNING_RATE)).isEqualTo(3e-5);
        assertThat(hp.maxLength()).isEqualTo(hp.get(Knobs.MAX_LENGTH)).isEqualTo(64);
        assertThat(hp.seed()).isEqualTo(hp.get(Knobs.SEED)).isEqualTo(9L);
        assertThat(Hyperparameters.builder().set(Knobs.LEARNING_RATE, 3e-5).set(Knobs.MAX_LENGTH, 64)
                .set(Knobs.SEED, 9L).build()).isEqualTo(hp);
    }

    @Test
    void rangesAreWrittenInTheRefusalAsTheyAreChecked() {
        assertThat(KnobRange.between(1, 4096).requirement()).isEqualTo("must be 1 to 4096");
        assertThat(KnobRange.fromUpTo(0, 1).requirement()).isEqualTo("must be in [0, 1)");
        assertThat(KnobRange.aboveAtMost(0, 1).requirement()).isEqualTo("must be above 0 and at most 1");
        assertThat(KnobRange.strictlyBetween(0, 1).requirement()).isEqualTo("must be in (0, 1)");
        assertThat(KnobRange.atLeast(0).requirement()).isEqualTo("must not be negative");
        assertThat(KnobRange.atLeast(1).requirement()).isEqualTo("must be at least 1");
        assertThat(KnobRange.fromUpTo(0, 1).contains(1.0)).isFalse();
        assertThat(KnobRange.aboveAtMost(0, 1).contains(0.0)).isFalse();
        assertThat(KnobRange.between(0, 1).contains(Double.NaN)).isFalse();
    }

    @Test
    void aValueOfTheWrongKindIsRefusedByName() {
        InvalidHyperparametersException failure = catchThrowableOfType(InvalidHyperparametersException.class,
                () -> Hyperparameters.fromMap(Map.<String, Object>of("epochs", 2.5, "class_weights", "one, two",
                        "group_by_length", 1, "learning_rat", 0.1)));
        assertThat(failure.problems()).containsOnlyKeys("epochs", "class_weights", "group_by_length",
                "learning_rat");
        assertThat(failure.problems().get("learning_rat")).startsWith("no such hyperparameter; the names are "
                + "learning_rate, batch_size");
    }

    @Test
    void defaultsReadBackAsDefaults() {
        Map<String, String> texts = Hyperparameters.defaults().asTexts();
        assertThat(texts).containsEntry("learning_rate", "2e-5").containsEntry("epochs", "3")
                .containsEntry("scheduler", "LINEAR").containsEntry("greater_is_better", "auto")
                .containsEntry("class_weights", "").containsEntry("adam_epsilon", "1e-8");
        assertThat(Hyperparameters.fromTexts(texts)).isEqualTo(Hyperparameters.defaults());
        assertThat(Hyperparameters.fromTexts(Map.of())).isEqualTo(Hyperparameters.defaults());
    }

    @Test
    void changedValuesRoundTrip() {
        Hyperparameters changed = Hyperparameters.builder().learningRate(5e-5).batchSize(8).classWeights(List.of(1.0,
                2.5)).precision(ComputePrecision.FP16).metricForBestModel("accuracy").seed(7).build();
        Map<String, String> texts = changed.asTexts();
        assertThat(texts).containsEntry("class_weights", "1, 2.5").containsEntry("precision", "FP16")
                .containsEntry("greater_is_better", "auto");
        assertThat(Hyperparameters.fromTexts(texts)).isEqualTo(changed);
    }

    @Test
    void everyProblemIsReportedOnItsField() {
        Map<String, String> texts = new HashMap<>(Hyperparameters.defaults().asTexts());
        texts.put("learning_rate", "fast");
        texts.put("batch_size", "0");
        texts.put("epochs", "2.5");
        texts.put("hidden_dropout", "1.5");
        texts.put("max_length", "1024");
        texts.put("truncation", "middle");
        texts.put("scheduler", "sideways");
        InvalidHyperparametersException failure = catchThrowableOfType(InvalidHyperparametersException.class,
                () -> Hyperparameters.fromTexts(texts));
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
        Hyperparameters odd = Hyperparameters.fromTexts(texts);
        assertThat(odd.greaterIsBetter()).isFalse();
        assertThat(odd.asTexts()).containsEntry("greater_is_better", "false");
        texts.put("greater_is_better", "auto");
        assertThat(Hyperparameters.fromTexts(texts).greaterIsBetter()).isTrue();
    }

    @Test
    void augmentationFieldsAreInRegularisationAndReadBack() {
        assertThat(Knobs.of(KnobGroup.REGULARISATION)).extracting(Knob::key)
                .contains("augmentation", "augmentation_strength", "augmented_copies");
        assertThat(Knobs.byKey("augmentation").orElseThrow().choices())
                .containsExactly("NONE", "EDA", "SYNONYMS", "SWAP", "DELETION");
        assertThat(Hyperparameters.defaults().asTexts()).containsEntry("augmentation", "NONE")
                .containsEntry("augmentation_strength", "0.1").containsEntry("augmented_copies", "1");

        Map<String, String> texts = new HashMap<>(Map.of("augmentation", "eda", "augmentation_strength", "0.25",
                "augmented_copies", "3"));
        Hyperparameters read = Hyperparameters.fromTexts(texts);
        assertThat(read.augmentation()).isEqualTo(AugmentationMode.EDA);
        assertThat(read.augmentationStrength()).isEqualTo(0.25);
        assertThat(read.augmentedCopies()).isEqualTo(3);
        assertThat(Hyperparameters.fromTexts(read.asTexts())).isEqualTo(read);

        texts.put("augmentation", "mixup");
        texts.put("augmentation_strength", "0.9");
        texts.put("augmented_copies", "many");
        InvalidHyperparametersException failure = catchThrowableOfType(InvalidHyperparametersException.class,
                () -> Hyperparameters.fromTexts(texts));
        assertThat(failure.problems()).containsOnlyKeys("augmentation", "augmentation_strength", "augmented_copies");
        assertThat(failure.problems().get("augmentation")).contains("NONE, EDA, SYNONYMS, SWAP, DELETION");
        assertThat(failure.problems().get("augmentation_strength")).contains("must be 0 to 0.5");
        assertThat(failure.problems().get("augmented_copies")).contains("not a whole number");
    }
}
