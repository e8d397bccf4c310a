package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.augment.AugmentationMode;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void defaultsAreHuggingFaceTrainers() {
        Hyperparameters hp = Hyperparameters.defaults();
        assertThat(hp.learningRate()).isEqualTo(2e-5);
        assertThat(hp.weightDecay()).isEqualTo(0.01);
        assertThat(hp.adamEpsilon()).isEqualTo(1e-8);
        assertThat(hp.maxGradNorm()).isEqualTo(1.0);
        assertThat(hp.scheduler()).isEqualTo(Hyperparameters.Scheduler.LINEAR);
        assertThat(hp.greaterIsBetter()).isFalse();
    }

    @Test
    void everyInvalidFieldIsReportedWithItsName() {
        assertThatThrownBy(() -> Hyperparameters.builder().learningRate(-1).batchSize(0).hiddenDropout(1.0)
                .maxLength(1024).truncation("middle").build())
                .isInstanceOfSatisfying(InvalidHyperparametersException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys("learning_rate", "batch_size", "hidden_dropout", "max_length",
                                "truncation"));
    }

    @Test
    void earlyStoppingWithoutEvaluationsIsRefused() {
        assertThatThrownBy(() -> Hyperparameters.builder().earlyStoppingPatience(2)
                .evalStrategy(Hyperparameters.EvalStrategy.NO).build())
                .isInstanceOfSatisfying(InvalidHyperparametersException.class,
                        e -> assertThat(e.problems()).containsKey("early_stopping_patience"));
    }

    @Test
    void roundTripsThroughSnakeCaseJson() throws Exception {
        Hyperparameters hp = Hyperparameters.builder().learningRate(3e-5).batchSize(8).epochs(3)
                .classifierDropout(0.3).metricForBestModel("accuracy").build();
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(hp);
        assertThat(text).contains("\"learning_rate\":3.0E-5", "\"classifier_dropout\":0.3");
        assertThat(json.readValue(text, Hyperparameters.class)).isEqualTo(hp);
        assertThat(hp.greaterIsBetter()).isTrue();
    }

    @Test
    void augmentationIsOffByDefaultAndRoundTripsThroughJson() throws Exception {
        Hyperparameters defaults = Hyperparameters.defaults();
        assertThat(defaults.augmentation()).isEqualTo(AugmentationMode.NONE);
        assertThat(defaults.augments()).isFalse();
        assertThat(defaults.augmentationStrength()).isEqualTo(0.1);
        assertThat(defaults.augmentedCopies()).isEqualTo(1);

        Hyperparameters hp = Hyperparameters.builder().augmentation(AugmentationMode.EDA).augmentationStrength(0.2)
                .augmentedCopies(4).build();
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(hp);
        assertThat(text).contains("\"augmentation\":\"EDA\"", "\"augmentation_strength\":0.2",
                "\"augmented_copies\":4");
        assertThat(json.readValue(text, Hyperparameters.class)).isEqualTo(hp);
        assertThat(hp.toString()).contains("augmentation EDA x4 (strength 0.20)");
    }

    @Test
    void jsonWrittenBeforeAugmentationExistedStillLoads() throws Exception {
        ObjectMapper json = new ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode old = json.valueToTree(Hyperparameters.builder()
                .learningRate(3e-5).build());
        old.remove(java.util.List.of("augmentation", "augmentation_strength", "augmented_copies"));
        assertThat(old.has("augmentation")).isFalse();
        Hyperparameters read = json.treeToValue(old, Hyperparameters.class);
        assertThat(read).isEqualTo(Hyperparameters.builder().learningRate(3e-5).build());
        assertThat(read.augmentation()).isEqualTo(AugmentationMode.NONE);
        assertThat(json.readValue("{\"learning_rate\": 5e-5}", Hyperparameters.class).augments()).isFalse();
    }

    @Test
    void badAugmentationSettingsAreReportedWithTheirRange() {
        assertThatThrownBy(() -> Hyperparameters.builder().augmentation(AugmentationMode.EDA)
                .augmentationStrength(0.7).augmentedCopies(0).build())
                .isInstanceOfSatisfying(InvalidHyperparametersException.class, e -> {
                    assertThat(e.problems()).containsOnlyKeys("augmentation_strength", "augmented_copies");
                    assertThat(e.problems().get("augmentation_strength")).isEqualTo("must be 0 to 0.5 (the share of "
                            + "words each operation touches; EDA uses 0.1), got 0.7");
                    assertThat(e.problems().get("augmented_copies"))
                            .isEqualTo("must be 1 to 16 copies per training example, got 0");
                });
        assertThatThrownBy(() -> Hyperparameters.builder().augmentationStrength(-0.1).build())
                .isInstanceOfSatisfying(InvalidHyperparametersException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys("augmentation_strength"));
        assertThatThrownBy(() -> Hyperparameters.builder().augmentationStrength(Double.NaN).augmentedCopies(17)
                .build()).isInstanceOfSatisfying(InvalidHyperparametersException.class, e -> assertThat(e.problems())
                        .containsOnlyKeys("augmentation_strength", "augmented_copies"));
        assertThat(Hyperparameters.builder().augmentationStrength(0.0).build().augmentationStrength()).isZero();
        assertThat(Hyperparameters.builder().augmentationStrength(0.5).augmentedCopies(16).build().augmentedCopies())
                .isEqualTo(16);
    }
}
