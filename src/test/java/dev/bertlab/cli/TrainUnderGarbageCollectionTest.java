package dev.bertlab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bertlab.engine.pretrained.TestModels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reproduction, as a user runs it: {@code bertlab train} in its own JVM with a one-megabyte young
 * generation, so that the garbage collector runs every few allocations, between any forward pass and its backward
 * pass. Before the fix such a run diverged within a few steps (gradients read freed memory); now it must end with
 * exactly the metrics of the same run without the flags, since the seed makes runs deterministic.
 */
@Tag("slow")
class TrainUnderGarbageCollectionTest {

    private static final String CONFIG = """
            name: gc-pressure
            dataset: amazon
            subset: {train: 64, validation: 16, test: 32}
            base_model: all-MiniLM-L6-v2
            device: cpu
            threads: 1
            hyperparameters:
              learning_rate: 5.0e-5
              batch_size: 16
              epochs: 2
              max_length: 32
              logging_steps: 1
              eval_strategy: "NO"
              save_strategy: "NO"
              load_best_model_at_end: false
            """;

    @TempDir
    Path temp;

    private record Child(int exitCode, String output, JsonNode testMetrics) {
    }

    private Child train(String name, List<String> jvmFlags) throws Exception {
        Path config = temp.resolve(name + ".yaml");
        Files.writeString(config, CONFIG);
        Path output = temp.resolve(name);
        Path log = temp.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-Xmx2g", "-Dai.djl.offline=true", "-Dai.djl.pytorch.num_threads=1",
                "-Dai.djl.pytorch.num_interop_threads=1", "-cp", System.getProperty("java.class.path"),
                "dev.bertlab.BertLabApplication", "train", "--data=" + TestModels.dataDirectory(),
                "--config", config.toString(), "--output", output.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("bertlab train did not finish in 10 minutes:\n" + Files.readString(log));
        }
        String printed = Files.readString(log, StandardCharsets.UTF_8);
        Path metrics = output.resolve("metrics_test.json");
        return new Child(process.exitValue(), printed, Files.exists(metrics)
                ? new ObjectMapper().readTree(metrics.toFile()) : null);
    }

    @Test
    void aRunWhoseCollectorRunsEveryFewAllocationsEndsWithTheMetricsOfAQuietRun() throws Exception {
        Child quiet = train("quiet", List.of());
        Child collected = train("collected", List.of("-Xmn1m", "-XX:+UseSerialGC"));

        assertThat(quiet.exitCode()).as(quiet.output()).isZero();
        assertThat(collected.exitCode()).as(collected.output()).isZero();
        assertThat(collected.output()).doesNotContain("diverged").doesNotContain("numeric fault");
        for (String metric : List.of("accuracy", "log_loss", "f1")) {
            assertThat(collected.testMetrics().path(metric).asDouble()).as(metric)
                    .isEqualTo(quiet.testMetrics().path(metric).asDouble());
        }
    }
}
