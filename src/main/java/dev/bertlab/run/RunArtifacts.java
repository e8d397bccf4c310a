package dev.bertlab.run;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.diagnose.Diagnosis;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.onnx.ModelOnnx;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunDiagnoses;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.run.TrainingLogReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;

/**
 * What a run left in its directory, read for the run page: curves, the activity log, predictions, the confusion
 * matrix, the examples it got wrong, and files to download.
 */
@Service
public class RunArtifacts {

    private final DatasetCatalog datasets;
    private final ModelRegistry models;
    // reading a dataset for the misclassified texts takes seconds for IMDb: off the UI thread, two at a time
    private final Executor readers;

    public RunArtifacts(DatasetCatalog datasets, ModelRegistry models,
            @Qualifier(RunExecutors.RUN_RESULTS) Executor readers) {
        this.datasets = datasets;
        this.models = models;
        this.readers = readers;
    }

    /** {@link #misclassified(TrainingRun)} on a background thread. */
    public CompletableFuture<List<MisclassifiedExample>> misclassifiedLater(TrainingRun run) {
        return CompletableFuture.supplyAsync(() -> misclassified(run), readers);
    }

    /** The training log's curves so far (empty before training starts). */
    public TrainingLogReader.Log trainingLog(TrainingRun run) {
        try {
            return TrainingLogReader.read(directory(run).trainingLog());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the training log of run " + run.getId() + ": "
                    + e.getMessage(), e);
        }
    }

    /** What the debugging assistant found so far (none before training starts). */
    public List<Diagnosis> diagnoses(TrainingRun run) {
        if (run.getRunDirectory() == null) {
            return List.of();
        }
        try {
            return RunDiagnoses.read(directory(run).diagnoses());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the diagnoses of run " + run.getId() + ": " + e.getMessage(),
                    e);
        }
    }

    /** The last lines of the run's activity log. */
    public List<String> activityTail(TrainingRun run, int lines) {
        return RunActivityLog.tail(run.getRunDirectory(), lines);
    }

    /** The test predictions' confusion matrix; empty until the run has finished (or for regression). */
    public Optional<ConfusionCounts> confusionMatrix(TrainingRun run) {
        return testPredictions(run).map(predictions -> {
            int classes = predictions.labels().size();
            int[][] counts = new int[classes][classes];
            for (Prediction prediction : predictions.predictions()) {
                counts[prediction.gold()][prediction.predicted()]++;
            }
            return new ConfusionCounts(predictions.labels(), counts);
        });
    }

    /**
     * The test examples the model got wrong, most confident first, with their texts from the dataset (read in
     * full: call it off the UI thread).
     */
    public List<MisclassifiedExample> misclassified(TrainingRun run) {
        Optional<PredictionSet> predictions = testPredictions(run);
        if (predictions.isEmpty()) {
            return List.of();
        }
        List<String> labels = predictions.get().labels();
        List<Prediction> wrong = predictions.get().predictions().stream().filter(p -> !p.correct()).toList();
        Map<String, String> texts = texts(run, wrong.stream().map(Prediction::id).toList());
        List<MisclassifiedExample> examples = new ArrayList<>(wrong.size());
        for (Prediction prediction : wrong) {
            examples.add(new MisclassifiedExample(prediction.id(),
                    texts.getOrDefault(prediction.id(), "(not in the dataset any more)"),
                    labels.get(prediction.gold()), labels.get(prediction.predicted()), prediction.confidence()));
        }
        examples.sort(Comparator.comparingDouble(MisclassifiedExample::confidence).reversed());
        return examples;
    }

    /** A file of the run, if it exists yet. */
    public Optional<Path> file(TrainingRun run, RunFile file) {
        Path path = file.in(directory(run));
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /** Whether the run exported its fine-tuned model. */
    public boolean hasModel(TrainingRun run) {
        return Files.isRegularFile(directory(run).model().resolve("config.json"));
    }

    /** Writes the model directory (Hugging Face layout) as a zip, its files under {@code run-<id>-model/}. */
    public void writeModelZip(TrainingRun run, OutputStream out) throws IOException {
        Path model = directory(run).model();
        if (!hasModel(run)) {
            throw new IOException("run " + run.getId() + " has no model (yet)");
        }
        String root = "run-" + run.getId() + "-model/";
        try (ZipOutputStream zip = new ZipOutputStream(out); Stream<Path> files = Files.walk(model)) {
            // the ONNX graph is a download of its own: in the zip it would double its size
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)
                    .filter(file -> !file.equals(ModelOnnx.of(model))).sorted()::iterator) {
                zip.putNextEntry(new ZipEntry(root + model.relativize(file).toString().replace('\\', '/')));
                Files.copy(file, zip);
                zip.closeEntry();
            }
        }
    }

    /**
     * Writes the run's model as ONNX (the graph the live classifier serves). A run saved before models were exported
     * to ONNX gets its model.onnx written first, once.
     */
    public void writeModelOnnx(TrainingRun run, OutputStream out) throws IOException {
        Path model = directory(run).model();
        if (!hasModel(run)) {
            throw new IOException("run " + run.getId() + " has no model (yet)");
        }
        Path onnx = ModelOnnx.isCurrent(model) ? ModelOnnx.of(model)
                : ModelOnnx.ensure(model, models.load(model.toString(), message -> { }), message -> { });
        Files.copy(onnx, out);
    }

    private Optional<PredictionSet> testPredictions(TrainingRun run) {
        return predictions(run, "test");
    }

    /** A classification run's predictions on a split ("validation", "test"), once it has written them. */
    public Optional<PredictionSet> predictions(TrainingRun run, String split) {
        if (run.getRunDirectory() == null) {
            return Optional.empty();
        }
        Path file = directory(run).predictions(split);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PredictionsCsv.read(file));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a regression run's file, or one being written
        }
    }

    /** The texts of the run's test examples with these ids (reads the dataset: call it off the UI thread). */
    public Map<String, String> testTexts(TrainingRun run, List<String> ids) {
        return texts(run, ids);
    }

    /** The dataset the run was trained on. */
    public String dataset(TrainingRun run) {
        return datasetOf(run);
    }

    private Map<String, String> texts(TrainingRun run, List<String> ids) {
        Map<String, String> texts = new HashMap<>();
        if (ids.isEmpty()) {
            return texts;
        }
        java.util.Set<String> wanted = new java.util.HashSet<>(ids);
        for (Example example : datasets.load(datasetOf(run), line -> { }).split(Split.TEST)) {
            if (wanted.contains(example.id())) {
                texts.put(example.id(), example.textPair() == null ? example.text()
                        : example.text() + " [SEP] " + example.textPair());
            }
        }
        return texts;
    }

    /** The dataset the run was trained on, as its own config says (its experiment may have changed since). */
    private String datasetOf(TrainingRun run) {
        try {
            return RunConfig.read(directory(run).config()).dataset();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the config of run " + run.getId() + ": " + e.getMessage(), e);
        }
    }

    private static RunDirectory directory(TrainingRun run) {
        return new RunDirectory(Path.of(run.getRunDirectory()));
    }
}
