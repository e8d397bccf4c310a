package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.InvalidHyperparametersException;
import dev.bertlab.engine.train.Knobs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RemedyTest {

    @Test
    void aChangeTheRunAlreadyHasIsLeftOut() {
        Remedy remedy = Remedy.from(Hyperparameters.defaults()).set("weight_decay", 0.01)
                .set("classifier_dropout", 0.3).build("regularise");
        assertThat(remedy.changes()).containsOnlyKeys("classifier_dropout");
    }

    @Test
    void aValueValidationRefusesIsRefusedWhenTheRemedyIsBuilt() {
        assertThatThrownBy(() -> Remedy.from(Hyperparameters.defaults()).set("classifier_dropout", 1.5).build("x"))
                .isInstanceOfSatisfying(InvalidHyperparametersException.class,
                        e -> assertThat(e.problems()).containsKey("classifier_dropout"));
        assertThatThrownBy(() -> Remedy.from(Hyperparameters.defaults()).set("dropout_everywhere", 0.3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dropout_everywhere");
    }

    @Test
    void changingTheMetricLetsTheNewMetricDecideItsDirection() {
        Remedy remedy = Remedy.from(Hyperparameters.defaults()).set("metric_for_best_model", "f1_macro")
                .build("imbalance");
        Hyperparameters applied = remedy.applyTo(Hyperparameters.defaults());
        assertThat(applied.metricForBestModel()).isEqualTo("f1_macro");
        assertThat(applied.greaterIsBetter()).isTrue();
    }

    /** Every rule's remedy, on the synthetic runs that trigger it, uses the form's keys and valid values. */
    @Test
    void everyCurveRemedyUsesFormKeysAndPassesValidation() {
        Hyperparameters hp = Hyperparameters.builder().learningRate(1e-4).warmupRatio(0).maxGradNorm(0)
                .scheduler(Hyperparameters.Scheduler.CONSTANT).batchSize(32).maxLength(512).groupByLength(false)
                .metricForBestModel("accuracy").build();
        TrainingHistory everything = SyntheticRun.of(800).logs(10, 60, 10, step -> 0.5)
                .log(70, 2.4, 1, 1e-3, 100, 0.1).logs(80, 800, 10, step -> 0.69)
                .notice(75, "oom_retry", "out of memory").evaluation(100, 0.50, 0.5).evaluation(200, 0.41, 0.5)
                .evaluation(300, 0.44, 0.5)
                .evaluation(400, Map.of("loss", 0.47, "accuracy", 0.5, "train_accuracy", 0.9)).history();
        List<Diagnosis> diagnoses = new TrainingDiagnostician().diagnose(everything,
                RunFacts.classification(hp, 2).withExpectedSamplesPerSecond(1000));
        assertThat(diagnoses).extracting(Diagnosis::kind).contains(DiagnosisKind.LEARNING_RATE_TOO_HIGH,
                DiagnosisKind.OUT_OF_MEMORY, DiagnosisKind.OVERFITTING, DiagnosisKind.STAGNATION,
                DiagnosisKind.UNDERFITTING, DiagnosisKind.SLOW_TRAINING);
        for (Diagnosis diagnosis : diagnoses) {
            assertFormKeysAndValid(diagnosis, hp);
        }
        Hyperparameters timid = Hyperparameters.builder().learningRate(1e-7).build();
        Diagnosis tooLow = new LearningRateTooLowRule().check(SyntheticRun.of(500).logs(10, 100, 10,
                step -> 0.69, step -> 1.0, step -> 1e-7).history(), RunFacts.classification(timid, 2)).orElseThrow();
        assertFormKeysAndValid(tooLow, timid);
    }

    static void assertFormKeysAndValid(Diagnosis diagnosis, Hyperparameters hp) {
        for (String key : diagnosis.remedy().changes().keySet()) {
            assertThat(Knobs.byKey(key)).as("%s: %s is a form field", diagnosis.kind(), key)
                    .isPresent();
        }
        assertThat(diagnosis.remedy().applyTo(hp)).isNotNull();
    }

    @Test
    void aDiagnosisRoundTripsThroughJson() throws Exception {
        Diagnosis diagnosis = Diagnosis.atStep(DiagnosisKind.OVERFITTING, Severity.PROBLEM, 120, "Overfitting",
                new Evidence("validation loss rose", Map.of("validation_loss_from", 0.41)),
                new Remedy("regularise", Map.of("classifier_dropout", 0.3, "early_stopping_patience", 2)));
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(diagnosis);
        assertThat(text).contains("\"kind\":\"OVERFITTING\"").contains("\"classifier_dropout\":0.3")
                .contains("\"step\":120");
        assertThat(json.readValue(text, Diagnosis.class)).isEqualTo(diagnosis);
    }
}
