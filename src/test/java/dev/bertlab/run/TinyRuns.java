package dev.bertlab.run;

import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.experiment.Experiment;
import dev.bertlab.experiment.ExperimentService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;

/** Tiny real runs for the tests: MiniLM on a slice of the Amazon sentences, a few seconds each on a CPU. */
public final class TinyRuns {

    static final String MODEL = "all-MiniLM-L6-v2";

    private TinyRuns() {
    }

    /**
     * Unpacks MiniLM once into the project's data directory and links it into a test's data directory, so that
     * each test class does not unpack 90 MB again.
     */
    public static void shareMiniLm(Path testData) {
        try {
            Path shared = Path.of(System.getProperty("bertlab.data", "data")).toAbsolutePath();
            ModelRegistry registry = ModelRegistry.inDataDirectory(shared);
            Path unpacked = registry.unpack(registry.find(MODEL).orElseThrow(), line -> { });
            Path link = testData.resolve("models").resolve(MODEL);
            Files.createDirectories(link.getParent());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, unpacked);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An experiment on amazon: {@code train} training sentences, 32 validation, 32 test, max length 32. */
    public static Experiment experiment(ExperimentService experiments, String name, int train,
            UnaryOperator<Hyperparameters.Builder> tweak) {
        Experiment experiment = new Experiment();
        experiment.setName(name);
        experiment.setDataset("amazon");
        experiment.setBaseModel(MODEL);
        experiment.setDevice("cpu");
        experiment.setSubsetTrain(train);
        experiment.setSubsetValidation(32);
        experiment.setSubsetTest(32);
        experiment.setHyperparameters(tweak.apply(Hyperparameters.builder().batchSize(16).epochs(1).maxLength(32)
                .loggingSteps(1).learningRate(5e-5)).build());
        // saving needs the EDITOR role; the test acts as the application does at first start
        return dev.bertlab.security.SystemAuthentication.callAs(dev.bertlab.security.Role.EDITOR,
                () -> experiments.save(experiment, "tester"));
    }

    public static void await(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }
}
