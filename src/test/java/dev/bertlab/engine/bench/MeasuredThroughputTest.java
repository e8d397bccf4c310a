package dev.bertlab.engine.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.diagnose.DiagnosisKind;
import dev.bertlab.engine.diagnose.RunFacts;
import dev.bertlab.engine.diagnose.SlowTrainingRule;
import dev.bertlab.engine.diagnose.TrainingHistory;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingEvents;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MeasuredThroughputTest {

    @TempDir
    Path directory;

    @Test
    void aMeasurementIsKeptPerModelAndScaledToTheRunsLength() throws Exception {
        MeasuredThroughput throughput = MeasuredThroughput.at(directory.resolve("models/measured_throughput.json"));
        assertThat(throughput.expectedSamplesPerSecond("all-MiniLM-L6-v2", 128)).isEmpty();

        throughput.record("all-MiniLM-L6-v2", 32, 128, 14.0);
        throughput.record("bert-base-uncased", 8, 128, 2.1);
        throughput.record("all-MiniLM-L6-v2", 32, 128, 15.0); // measured again: the newer figure counts

        assertThat(throughput.expectedSamplesPerSecond("all-MiniLM-L6-v2", 128)).contains(15.0);
        assertThat(throughput.expectedSamplesPerSecond("all-MiniLM-L6-v2", 256).orElseThrow()).isCloseTo(7.5,
                within(1e-12));
        assertThat(throughput.expectedSamplesPerSecond("bert-base-uncased", 64).orElseThrow()).isCloseTo(4.2,
                within(1e-12));
        assertThat(throughput.expectedSamplesPerSecond("bert-base-cased", 128)).isEmpty();
        assertThat(MeasuredThroughput.at(directory.resolve("models/measured_throughput.json")).read()).hasSize(2);
    }

    @Test
    void anUnreadableFileMeansNothingToCompareWith() throws Exception {
        Path file = Files.writeString(directory.resolve("measured_throughput.json"), "{ not json");
        assertThat(MeasuredThroughput.at(file).expectedSamplesPerSecond("all-MiniLM-L6-v2", 128)).isEmpty();
    }

    @Test
    void aRunFarBelowTheMeasuredFigureIsSlow() throws Exception {
        MeasuredThroughput throughput = MeasuredThroughput.at(directory.resolve("measured_throughput.json"));
        throughput.record("all-MiniLM-L6-v2", 32, 128, 14.0);
        double expected = throughput.expectedSamplesPerSecond("all-MiniLM-L6-v2", 128).orElseThrow();
        TrainingHistory history = new TrainingHistory().started(new TrainingEvents.Started(100, 100, 0, 1600));
        for (int step = 10; step <= 50; step += 10) {
            history.add(new TrainingEvents.StepLogged(step, step / 100.0, 0.6, 5e-5, 1.0, 3.0, 400, 0.1, step));
        }
        Diagnosis slow = new SlowTrainingRule().check(history, new RunFacts(Hyperparameters.defaults(), 2, expected))
                .orElseThrow();
        assertThat(slow.kind()).isEqualTo(DiagnosisKind.SLOW_TRAINING);
        assertThat(new SlowTrainingRule().check(history, new RunFacts(Hyperparameters.defaults(), 2, null)))
                .isEmpty();
    }
}
