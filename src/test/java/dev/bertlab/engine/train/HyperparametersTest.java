package dev.bertlab.engine.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class HyperparametersTest {

    @Test
    void defaultsAreHuggingFaceTrainers() {
        Hyperparameters hp = Hyperparameters.defaults();
        assertThat(hp.learningRate()).isEqualTo(2e-5);
        assertThat(hp.weightDecay()).isEqualTo(0.01);
        assertThat(hp.adamEpsilon()).isEqualTo(1e-8);
        assertThat(hp.maxGradNorm()).isEqualTo(1.0);
        assertThat(hp.scheduler()).isEqualTo(Hyperparameters.Schedule.LINEAR);
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
}
