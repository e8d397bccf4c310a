package dev.bertlab.engine.run;

import ai.djl.Device;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bertlab.engine.ComputeDevice;
import dev.bertlab.engine.LibTorchMatmul;
import dev.bertlab.engine.MatmulPrecision;
import dev.bertlab.engine.TensorMemoryReuse;
import dev.bertlab.engine.augment.TextAugmenter;
import dev.bertlab.engine.augment.TrainingAugmentation;
import dev.bertlab.engine.bench.MeasuredThroughput;
import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.LabeledDataset;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.data.TaskType;
import dev.bertlab.engine.diagnose.DataDiagnostician;
import dev.bertlab.engine.diagnose.DiagnosingListener;
import dev.bertlab.engine.diagnose.DiagnosisListener;
import dev.bertlab.engine.diagnose.RunFacts;
import dev.bertlab.engine.eval.MetricsJson;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.eval.RegressionPrediction;
import dev.bertlab.engine.json.Json;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.predict.SplitEvaluation;
import dev.bertlab.engine.onnx.ModelOnnx;
import dev.bertlab.engine.pretrained.HuggingFaceModelDirectory;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.TokenStats;
import dev.bertlab.engine.train.CheckpointStore;
import dev.bertlab.engine.train.EncodedSplit;
import dev.bertlab.engine.train.FineTuner;
import dev.bertlab.engine.train.Hyperparameters;
import dev.bertlab.engine.train.TrainingFailedException;
import dev.bertlab.engine.train.TrainingEventListener;
import dev.bertlab.engine.train.TrainingOutcome;
import dev.bertlab.engine.weights.NamedTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * A whole fine-tuning run from a {@link RunConfig}: dataset (and subset), base model, tokenization, training,
 * evaluation on validation and test, predictions and metrics files, and the fine-tuned model exported in Hugging
 * Face's layout. The CLI and the dashboard both run this.
 */
public final class FineTuneRun {

    private final DatasetCatalog datasets;
    private final ModelRegistry models;
    private final Path runsDirectory;

    /** Training splits up to this size are predicted again after training, for the label-noise check. */
    static final int LABEL_REVIEW_LIMIT = 2000;

    public FineTuneRun(DatasetCatalog datasets, ModelRegistry models, Path runsDirectory) {
        this.datasets = datasets;
        this.models = models;
        this.runsDirectory = runsDirectory;
    }

    public RunDirectory directoryOf(RunConfig config) {
        return new RunDirectory(config.output() != null ? Path.of(config.output()) : runsDirectory.resolve(config.name()));
    }

    /**
     * @param status receives one line per preparation stage (dataset, model, tokenization, evaluation)
     * @param resume continue from the run directory's latest checkpoint; a fresh run refuses a directory that
     *     already holds checkpoints, so that no finished run is overwritten by accident
     */
    public RunResult execute(RunConfig config, List<TrainingEventListener> listeners, Consumer<String> status,
            BooleanSupplier cancelRequested, boolean resume) throws IOException {
        RunDirectory directory = directoryOf(config);
        prepareDirectory(directory, config, resume);
        Context run = new Context(config, directory, config.hyperparameters(), status, resume);
        Device device = setUpCompute(config, status);
        RunData data = loadDataset(config, status);
        PretrainedBert pretrained = models.load(config.baseModel(), status);
        RunDiagnoses diagnoses = new RunDiagnoses(directory.diagnoses(), status, diagnosisListeners(listeners));
        EncodedData encoded = tokenize(run, data, pretrained, diagnoses);
        Json.prettyWriter().writeValue(directory.tokenStats().toFile(), encoded.stats());
        Instant started = Instant.now();
        try (LoadedBert model = loadModel(run, data, pretrained, device);
                TrainingLogWriter log = new TrainingLogWriter(directory.trainingLog())) {
            reportRandomInitialization(model, status);
            DiagnosingListener curves = curveDiagnoses(run, data, diagnoses);
            List<TrainingEventListener> all = withRunListeners(listeners, log, curves);
            FineTuner tuner = fineTuner(run, model, pretrained, data, encoded, all);
            TrainingOutcome outcome = train(run, tuner, curves, cancelRequested);
            Evaluations evaluations = outcome.finishedTraining()
                    ? evaluateAndExport(run, tuner, model, pretrained, data, encoded, diagnoses)
                    : Evaluations.NONE;
            writeSummary(directory, config, data.dataset(), pretrained, data.labels(), outcome,
                    evaluations.validation(), evaluations.test(), started);
            return new RunResult(directory, outcome, evaluations.validation(), evaluations.test(),
                    encoded.stats(), data.dataset().info().fingerprint());
        }
    }

    /** What every stage of one run needs. */
    private record Context(RunConfig config, RunDirectory directory, Hyperparameters hp, Consumer<String> status,
            boolean resume) {
    }

    /** The dataset of a run, subset applied, with its task. */
    private record RunData(LabeledDataset dataset, boolean regression, List<String> labels) {

        static RunData of(LabeledDataset dataset) {
            boolean regression = dataset.info().task() == TaskType.REGRESSION;
            return new RunData(dataset, regression, regression ? List.of() : dataset.info().labelNames());
        }

        TaskHead head() {
            return regression ? TaskHead.regression() : TaskHead.classification(labels.size());
        }
    }

    /** The encoded splits (those with examples) and their token figures by split id. */
    private record EncodedData(Map<Split, EncodedSplit> splits, Map<String, TokenStats> stats) {

        EncodedSplit get(Split split) {
            return splits.get(split);
        }
    }

    /** The final evaluations on validation and test; null where the split is absent or training did not finish. */
    private record Evaluations(SplitEvaluation validation, SplitEvaluation test) {

        static final Evaluations NONE = new Evaluations(null, null);
    }

    /** Threads, device, matmul precision and tensor memory reuse, said in one status line. */
    private static Device setUpCompute(RunConfig config, Consumer<String> status) {
        ComputeDevice.useThreads(config.threads());
        Device device = ComputeDevice.select(config.device());
        MatmulPrecision precision = config.matmulPrecision() != null ? config.matmulPrecision()
                : MatmulPrecision.defaultFor(device.isGpu());
        String matmul = LibTorchMatmul.set(precision).map(MatmulPrecision::text).orElse("libtorch's default");
        TensorMemoryReuse.enable();
        status.accept("device " + device + ", " + ComputeDevice.threads() + " thread(s), matmul precision " + matmul
                + ", freed tensor memory " + TensorMemoryReuse.describe());
        return device;
    }

    private RunData loadDataset(RunConfig config, Consumer<String> status) {
        LabeledDataset dataset = datasets.load(config.dataset(), status);
        if (config.subset() != null) {
            dataset = dataset.subset(subsetSizes(config.subset(), dataset), config.subsetSeed());
        }
        status.accept(String.format(Locale.ROOT, "dataset %s: %d train / %d validation / %d test, fingerprint %s",
                dataset.info().name(), dataset.split(Split.TRAIN).size(), dataset.split(Split.VALIDATION).size(),
                dataset.split(Split.TEST).size(), dataset.info().fingerprint().substring(0, 12)));
        return RunData.of(dataset);
    }

    private static List<DiagnosisListener> diagnosisListeners(List<TrainingEventListener> listeners) {
        return listeners.stream().filter(DiagnosisListener.class::isInstance).map(DiagnosisListener.class::cast)
                .toList();
    }

    /**
     * Tokenizes every split that has examples (the training split augmented first, when asked) and, on a fresh
     * run, checks the data: truncation, balance, duplicates, leakage, short texts, [UNK].
     */
    private EncodedData tokenize(Context run, RunData data, PretrainedBert pretrained, RunDiagnoses diagnoses)
            throws IOException {
        Hyperparameters hp = run.hp();
        Consumer<String> status = run.status();
        Map<String, TokenStats> stats = new LinkedHashMap<>();
        Map<Split, EncodedSplit> encoded = new HashMap<>();
        try (TextEncoder encoder = TextEncoder.open(pretrained.tokenizerJson(), hp.maxLength(), hp.truncationRule())) {
            for (Split split : Split.values()) {
                List<Example> examples = data.dataset().split(split);
                if (examples.isEmpty()) {
                    continue;
                }
                int augmented = 0;
                if (split == Split.TRAIN && hp.augments()) {
                    TrainingAugmentation.Result result = augment(examples, hp, status);
                    examples = result.examples();
                    augmented = result.augmented();
                }
                EncodedSplit encodedSplit = encode(encoder, split, examples, data.regression(), augmented, status);
                encoded.put(split, encodedSplit);
                stats.put(split.id(), encodedSplit.stats());
                status.accept("tokens, " + split.id() + ": " + encodedSplit.stats());
            }
            if (!run.resume()) {
                status.accept("checking the data: truncation, balance, duplicates, leakage, short texts, [UNK]");
                new DataDiagnostician().diagnose(data.dataset(), hp, encoder).forEach(diagnoses::add);
            }
        }
        if (!encoded.containsKey(Split.TRAIN)) {
            throw new TrainingFailedException("dataset " + data.dataset().info().name() + " has no training examples");
        }
        return new EncodedData(encoded, stats);
    }

    private static TrainingAugmentation.Result augment(List<Example> examples, Hyperparameters hp,
            Consumer<String> status) {
        TrainingAugmentation augmentation = new TrainingAugmentation(
                TextAugmenter.of(hp.augmentation(), hp.augmentationStrength()), hp.augmentedCopies(), hp.seed());
        TrainingAugmentation.Result result = augmentation.apply(examples);
        status.accept(String.format(Locale.ROOT, "augmentation: %d training examples became %d (%s)",
                result.originals(), result.examples().size(), augmentation.describe()));
        return result;
    }

    private static LoadedBert loadModel(Context run, RunData data, PretrainedBert pretrained, Device device) {
        Hyperparameters hp = run.hp();
        return LoadedBert.create(pretrained.config(), data.head(), hp.dropoutRates(), device, pretrained.weights(),
                hp.seed());
    }

    private static void reportRandomInitialization(LoadedBert model, Consumer<String> status) {
        if (!model.loadReport().initializedRandomly().isEmpty()) {
            status.accept("initialised randomly: " + String.join(", ", model.loadReport().initializedRandomly()));
        }
    }

    /** The listener that diagnoses the run from its curves, against the base model's measured throughput. */
    private DiagnosingListener curveDiagnoses(Context run, RunData data, RunDiagnoses diagnoses) {
        Hyperparameters hp = run.hp();
        Double expected = MeasuredThroughput.at(models.measuredThroughputFile())
                .expectedSamplesPerSecond(run.config().baseModel(), hp.maxLength()).orElse(null);
        return new DiagnosingListener(new RunFacts(hp, data.regression() ? 0 : data.labels().size(), expected),
                diagnoses::add);
    }

    /** The caller's listeners, then the training log, then the curve diagnoses. */
    private static List<TrainingEventListener> withRunListeners(List<TrainingEventListener> listeners,
            TrainingLogWriter log, DiagnosingListener curves) {
        List<TrainingEventListener> all = new ArrayList<>(listeners);
        all.add(log);
        all.add(curves);
        return all;
    }

    private static FineTuner fineTuner(Context run, LoadedBert model, PretrainedBert pretrained, RunData data,
            EncodedData encoded, List<TrainingEventListener> listeners) throws IOException {
        Hyperparameters hp = run.hp();
        int padId = dev.bertlab.engine.tokenize.Vocabulary.read(pretrained.tokenizerJson()).padId();
        return new FineTuner(model, encoded.get(Split.TRAIN), encoded.get(Split.VALIDATION), data.labels(), hp,
                new CheckpointStore(run.directory().checkpoints(), hp.saveTotalLimit()), listeners, padId);
    }

    private static TrainingOutcome train(Context run, FineTuner tuner, DiagnosingListener curves,
            BooleanSupplier cancelRequested) throws IOException {
        try {
            return tuner.train(run.resume(), cancelRequested);
        } catch (RuntimeException | Error failure) {
            curves.onFailure(failure); // an out-of-memory failure is a diagnosis with a remedy
            throw failure;
        }
    }

    /**
     * After a finished training: the label-noise review, the predictions and metrics of validation and test, and
     * the exported model.
     */
    private Evaluations evaluateAndExport(Context run, FineTuner tuner, LoadedBert model, PretrainedBert pretrained,
            RunData data, EncodedData encoded, RunDiagnoses diagnoses) throws IOException {
        Hyperparameters hp = run.hp();
        RunDirectory directory = run.directory();
        Consumer<String> status = run.status();
        reviewLabels(tuner, encoded.get(Split.TRAIN), data.dataset(), hp, data.regression(), diagnoses, status);
        SplitEvaluation validation = evaluate(tuner, encoded.get(Split.VALIDATION), data.labels(), directory, status);
        SplitEvaluation test = evaluate(tuner, encoded.get(Split.TEST), data.labels(), directory, status);
        export(directory, pretrained, model, hp, data.labels(), status);
        return new Evaluations(validation, test);
    }

    /**
     * The training examples the trained model finds hardest are where wrong labels hide: on a training split small
     * enough to predict again in moments, their losses feed the label-noise check.
     */
    private static void reviewLabels(FineTuner tuner, EncodedSplit train, LabeledDataset dataset, Hyperparameters hp,
            boolean regression, RunDiagnoses diagnoses, Consumer<String> status) {
        if (regression || train.size() > LABEL_REVIEW_LIMIT) {
            return;
        }
        status.accept("predicting the " + train.size() + " training examples again to find suspect labels");
        float[][] probabilities = tuner.evaluate(train, done -> { }).probabilities();
        Map<String, Double> losses = new HashMap<>();
        for (int i = 0; i < train.size(); i++) {
            losses.putIfAbsent(train.ids().get(i), -Math.log(Math.max(probabilities[i][train.labels()[i]], 1e-12)));
        }
        new DataDiagnostician().suspectedLabelNoise(dataset, hp, losses).ifPresent(diagnoses::add);
    }

    private EncodedSplit encode(TextEncoder encoder, Split split, List<Example> examples, boolean regression,
            int augmented, Consumer<String> status) {
        long start = System.nanoTime();
        EncodedSplit encoded = EncodedSplit.encode(encoder, split.id(), examples, regression, augmented, done -> {
            if (done == examples.size() || done % 5120 == 0) {
                status.accept(String.format(Locale.ROOT, "tokenizing %s: %d / %d", split.id(), done, examples.size()));
            }
        });
        status.accept(String.format(Locale.ROOT, "tokenized %s in %.1f s", split.id(),
                (System.nanoTime() - start) / 1e9));
        return encoded;
    }

    private SplitEvaluation evaluate(FineTuner tuner, EncodedSplit split, List<String> labels,
            RunDirectory directory, Consumer<String> status) throws IOException {
        if (split == null) {
            return null;
        }
        long start = System.nanoTime();
        SplitEvaluation evaluation = tuner.evaluate(split, done -> { });
        if (split.isRegression()) {
            List<RegressionPrediction> rows = new ArrayList<>(split.size());
            for (int i = 0; i < split.size(); i++) {
                rows.add(new RegressionPrediction(split.ids().get(i), split.targets()[i], evaluation.outputs()[i][0]));
            }
            PredictionsCsv.writeRegression(rows, directory.predictions(split.name()));
            MetricsJson.write(evaluation.regression(), directory.metrics(split.name()));
        } else {
            List<Prediction> rows = new ArrayList<>(split.size());
            for (int i = 0; i < split.size(); i++) {
                rows.add(Prediction.of(split.ids().get(i), split.labels()[i], evaluation.probabilities()[i]));
            }
            PredictionsCsv.write(new PredictionSet(labels, rows), directory.predictions(split.name()));
            MetricsJson.write(evaluation.classification(), directory.metrics(split.name()));
        }
        status.accept(String.format(Locale.ROOT, "%s (%d examples, %.1f s): %s", split.name(), split.size(),
                (System.nanoTime() - start) / 1e9, summary(evaluation.scalars())));
        return evaluation;
    }

    private void export(RunDirectory directory, PretrainedBert pretrained, LoadedBert model, Hyperparameters hp,
            List<String> labels, Consumer<String> status) throws IOException {
        Path target = directory.model();
        Map<String, NamedTensor> weights = dev.bertlab.engine.model.BertWeights.snapshot(model.network());
        HuggingFaceModelDirectory.write(target, new HuggingFaceModelDirectory.Export(pretrained.config(),
                hp.dropoutRates(), weights, labels, pretrained.tokenizerJson(), pretrained.lowercase(), hp.maxLength(),
                hp.truncationRule()));
        // the graph the dashboard serves from, written after the weights so that it is never older than them
        ModelOnnx.write(target, pretrained.config(), weights, labels, hp.maxLength());
        // the model travels with what made it: its recipe, its scores and its training log
        for (Path file : List.of(directory.config(), directory.trainingLog(), directory.metrics("validation"),
                directory.metrics("test"))) {
            if (Files.exists(file)) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        status.accept("model saved in Hugging Face layout, with model.onnx for serving: " + target);
    }

    private void prepareDirectory(RunDirectory directory, RunConfig config, boolean resume) throws IOException {
        Files.createDirectories(directory.root());
        if (resume && Files.exists(directory.config())) {
            RunConfig previous = RunConfig.read(directory.config());
            if (!previous.hyperparameters().equals(config.hyperparameters())
                    || !previous.dataset().equals(config.dataset())
                    || !previous.baseModel().equals(config.baseModel())) {
                throw new TrainingFailedException("cannot resume " + directory.root() + ": its run was started with "
                        + "another dataset, base model or hyperparameters");
            }
        } else if (!resume && new CheckpointStore(directory.checkpoints(), 1).latest().isPresent()) {
            throw new TrainingFailedException(directory.root() + " already holds a run with checkpoints: resume it "
                    + "(--resume) or choose another name or output directory");
        }
        config.write(directory.config());
    }

    private static Map<Split, Integer> subsetSizes(RunConfig.SubsetSizes sizes, LabeledDataset dataset) {
        Map<Split, Integer> result = new HashMap<>();
        result.put(Split.TRAIN, sizes.train() != null ? sizes.train() : dataset.split(Split.TRAIN).size());
        result.put(Split.VALIDATION, sizes.validation() != null ? sizes.validation()
                : dataset.split(Split.VALIDATION).size());
        result.put(Split.TEST, sizes.test() != null ? sizes.test() : dataset.split(Split.TEST).size());
        return result;
    }

    private void writeSummary(RunDirectory directory, RunConfig config, LabeledDataset dataset,
            PretrainedBert pretrained, List<String> labels, TrainingOutcome outcome, SplitEvaluation validation,
            SplitEvaluation test, Instant started) throws IOException {
        ObjectNode root = Json.mapper().createObjectNode();
        root.put("name", config.name());
        root.put("status", outcome.reason().name());
        root.put("message", outcome.message());
        root.put("dataset", dataset.info().name());
        root.put("dataset_fingerprint", dataset.info().fingerprint());
        root.put("base_model", pretrained.name());
        root.put("matmul_precision", LibTorchMatmul.current().map(MatmulPrecision::text).orElse("unknown"));
        root.put("tensor_memory", TensorMemoryReuse.describe());
        root.putPOJO("labels", labels);
        root.put("steps", outcome.steps());
        root.put("total_steps", outcome.totalSteps());
        root.put("train_seconds", outcome.trainSeconds());
        if (outcome.bestMetric() != null) {
            root.put("best_metric", outcome.bestMetric());
            root.put("best_step", outcome.bestStep());
        }
        if (validation != null) {
            root.putPOJO("validation", validation.scalars());
        }
        if (test != null) {
            root.putPOJO("test", test.scalars());
        }
        root.put("started", started.toString());
        root.put("finished", Instant.now().toString());
        Json.prettyWriter().writeValue(directory.summary().toFile(), root);
    }

    static String summary(Map<String, Double> scalars) {
        StringBuilder text = new StringBuilder();
        scalars.forEach((name, value) -> {
            if (List.of("loss", "accuracy", "f1", "f1_macro", "roc_auc", "mse", "mae", "r2").contains(name)) {
                text.append(text.length() == 0 ? "" : ", ").append(name).append(' ')
                        .append(String.format(Locale.ROOT, "%.4f", value));
            }
        });
        return text.toString();
    }
}
