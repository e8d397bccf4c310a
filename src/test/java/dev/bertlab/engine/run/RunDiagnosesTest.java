package dev.bertlab.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisKind;
import dev.bertlab.engine.diagnose.Evidence;
import dev.bertlab.engine.diagnose.Remedy;
import dev.bertlab.engine.diagnose.Severity;
import dev.bertlab.engine.train.Hyperparameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDiagnosesTest {

    @TempDir
    Path directory;

    @Test
    void eachDiagnosisIsLoggedKeptAndPassedOnOncePerKindAndAResumedRunKeepsThem() throws Exception {
        Path file = directory.resolve("diagnoses.json");
        List<String> log = new ArrayList<>();
        List<Diagnosis> heard = new ArrayList<>();
        RunDiagnoses diagnoses = new RunDiagnoses(file, log::add, List.of(heard::add));

        Diagnosis overfitting = Diagnosis.atStep(DiagnosisKind.OVERFITTING, Severity.PROBLEM, 120, "Overfitting",
                new Evidence("validation loss rose 0.41 -> 0.47 over 2 evaluations", Map.of("from", 0.41, "to", 0.47)),
                Remedy.from(Hyperparameters.defaults()).set("classifier_dropout", 0.3).build("more dropout"));
        diagnoses.add(overfitting);
        diagnoses.add(Diagnosis.atStep(DiagnosisKind.OVERFITTING, Severity.PROBLEM, 180, "Overfitting again",
                new Evidence("later", Map.of()), Remedy.adviceOnly("stop early")));

        assertThat(heard).containsExactly(overfitting);
        assertThat(log).singleElement().asString().startsWith("diagnosis at step 120: overfitting - validation loss "
                + "rose 0.41 -> 0.47").contains("classifier_dropout 0.3");
        assertThat(RunDiagnoses.read(file)).containsExactly(overfitting);
        assertThat(Files.exists(directory.resolve("diagnoses.json.tmp"))).isFalse();

        RunDiagnoses resumed = new RunDiagnoses(file, log::add, List.of());
        assertThat(resumed.all()).containsExactly(overfitting);
        resumed.add(overfitting);
        assertThat(RunDiagnoses.read(file)).hasSize(1);
        assertThat(RunDiagnoses.read(directory.resolve("none.json"))).isEmpty();
    }
}
