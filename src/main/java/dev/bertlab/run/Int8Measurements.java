package dev.bertlab.run;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.onnx.Int8Check;
import dev.bertlab.engine.onnx.Int8Report;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.run.RunDirectory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * The int8 variant of a finished run's model: written and measured on the run's own test split on request, so that
 * the accuracy it costs is shown next to it and it is offered for serving only within {@value
 * Int8Report#MAX_LOSS_POINTS} points of the float model.
 */
@Service
public class Int8Measurements {

    private final DatasetCatalog datasets;
    private final ModelRegistry models;
    private final RunArtifacts artifacts;
    private final Set<Long> measuring = ConcurrentHashMap.newKeySet();
    // one measurement at a time: it runs the whole test split through ONNX Runtime
    private final Executor worker;

    public Int8Measurements(DatasetCatalog datasets, ModelRegistry models, RunArtifacts artifacts,
            @Qualifier(RunExecutors.INT8_CHECK) Executor worker) {
        this.datasets = datasets;
        this.models = models;
        this.artifacts = artifacts;
        this.worker = worker;
    }

    /** The run's int8 report, once measured. */
    public Optional<Int8Report> report(TrainingRun run) {
        return artifacts.hasModel(run) ? Int8Report.read(modelDirectory(run)) : Optional.empty();
    }

    public boolean isMeasuring(TrainingRun run) {
        return measuring.contains(run.getId());
    }

    /**
     * Writes the run's int8 graph and measures it on the run's test split, in the background.
     *
     * @throws IllegalArgumentException for a run without a model or test predictions
     */
    public CompletableFuture<Int8Report> measure(TrainingRun run) {
        if (!artifacts.hasModel(run) || artifacts.predictions(run, "test").isEmpty()) {
            throw new IllegalArgumentException("run " + run.getId() + " has no model with test predictions to compare "
                    + "int8 with");
        }
        if (!measuring.add(run.getId())) {
            throw new IllegalStateException("the int8 variant of run " + run.getId() + " is being measured already");
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                return measureNow(run);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("int8 check of run " + run.getId() + ": " + e.getMessage(), e);
            } finally {
                measuring.remove(run.getId());
            }
        }, worker);
    }

    private Int8Report measureNow(TrainingRun run) throws IOException {
        return Int8Check.measureRun(new RunDirectory(Path.of(run.getRunDirectory())), models, datasets, done -> { });
    }

    private static Path modelDirectory(TrainingRun run) {
        return new RunDirectory(Path.of(run.getRunDirectory())).model();
    }
}
