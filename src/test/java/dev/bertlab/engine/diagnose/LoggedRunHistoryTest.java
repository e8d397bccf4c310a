package dev.bertlab.engine.diagnose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.run.TrainingLogReader;
import dev.bertlab.engine.run.TrainingLogWriter;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoggedRunHistoryTest {

    @TempDir
    Path temp;

    @Test
    void aFinishedRunsLogIsDiagnosedLikeTheLiveRun() throws Exception {
        Path file = temp.resolve("training_log.jsonl");
        SyntheticRun run = SyntheticRun.of(400).logs(10, 400, 10, step -> 0.7 - step / 800.0)
                .evaluation(100, 0.50, 0.80).evaluation(200, 0.41, 0.85).evaluation(300, 0.44, 0.85)
                .evaluation(400, 0.47, 0.84).notice(400, "checkpoint", "checkpoint written at step 400");
        try (TrainingLogWriter writer = new TrainingLogWriter(file)) {
            run.history().steps().forEach(writer::onStep);
            run.history().evaluations().forEach(writer::onEvaluation);
            run.history().notices().forEach(writer::onNotice);
            writer.onStep(new TrainingEvents.StepLogged(410, 4.1, Double.NaN, 2e-5, Double.NaN, 100, 1e4, 0.1, 41));
        }
        RunFacts facts = RunFacts.classification(Hyperparameters.builder().epochs(4).build(), 2);

        TrainingHistory restored = LoggedRunHistory.of(TrainingLogReader.read(file), 400, 100);

        assertThat(restored.steps()).hasSize(41);
        assertThat(restored.evaluations().get(1).metrics()).containsEntry("loss", 0.41).containsEntry("accuracy", 0.85);
        assertThat(restored.notices()).extracting(TrainingEvents.Notice::kind).containsExactly("checkpoint");
        List<Diagnosis> diagnoses = new TrainingDiagnostician().diagnose(restored, facts);
        assertThat(diagnoses).extracting(Diagnosis::kind).containsExactly(DiagnosisKind.OVERFITTING,
                DiagnosisKind.LEARNING_RATE_TOO_HIGH);
        assertThat(diagnoses.get(0)).isEqualTo(new OverfittingRule().check(run.history(), facts).orElseThrow());
        assertThat(diagnoses.get(1).step()).isEqualTo(410);
        assertThat(Map.copyOf(diagnoses.get(1).evidence().values())).containsKey("loss");
    }
}
