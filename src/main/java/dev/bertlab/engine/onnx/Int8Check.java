package dev.bertlab.engine.onnx;

import dev.bertlab.engine.data.DatasetCatalog;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.data.Split;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.predict.BatchPredictor;
import dev.bertlab.engine.predict.OnnxForward;
import dev.bertlab.engine.pretrained.ModelRegistry;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.run.RunConfig;
import dev.bertlab.engine.run.RunDirectory;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.train.BatchCollator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Writes a model's int8 graph and measures it on labelled examples against the float model's own predictions of
 * them, so that the accuracy it costs is known before anyone serves it.
 */
public final class Int8Check {

    private Int8Check() {
    }

    /**
     * Measures the int8 graph of a finished run's model on the run's own test split: the examples of its
     * predictions_test.csv, read from its dataset and encoded as the run encoded them.
     *
     * @throws IllegalArgumentException when the run has no model or no test predictions
     */
    public static Int8Report measureRun(RunDirectory run, ModelRegistry models, DatasetCatalog datasets,
            IntConsumer progress) throws IOException {
        if (!Files.isRegularFile(run.predictions("test")) || !Files.isRegularFile(run.model().resolve("config.json"))) {
            throw new IllegalArgumentException(run.root() + " has no model with test predictions to compare int8 with");
        }
        PredictionSet predictions = PredictionsCsv.read(run.predictions("test"));
        RunConfig config = RunConfig.read(run.config());
        PretrainedBert model = models.load(run.model().toString(), message -> { });
        Map<String, Example> byId = new HashMap<>();
        for (Example example : datasets.load(config.dataset(), message -> { }).split(Split.TEST)) {
            byId.put(example.id(), example);
        }
        List<Prediction> rows = predictions.predictions().stream().filter(p -> byId.containsKey(p.id())).toList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("none of the run's test examples is in the dataset " + config.dataset()
                    + " any more");
        }
        try (TextEncoder encoder = TextEncoder.open(model.tokenizerJson(), model.trainedMaxLength(),
                config.hyperparameters().truncationRule())) {
            List<EncodedText> inputs = new ArrayList<>(rows.size());
            for (Prediction row : rows) {
                Example example = byId.get(row.id());
                inputs.add(encoder.encode(example.text(), example.textPair()));
            }
            return measure(run.model(), model, inputs, rows.stream().mapToInt(Prediction::gold).toArray(),
                    rows.stream().mapToInt(Prediction::predicted).toArray(), encoder.vocabulary().padId(), progress);
        }
    }

    /**
     * @param inputs the test examples, encoded as the model was trained
     * @param gold their labels
     * @param fp32Predicted the float model's predicted label of each (from the run's test predictions)
     */
    public static Int8Report measure(Path modelDirectory, PretrainedBert model, List<EncodedText> inputs, int[] gold,
            int[] fp32Predicted, int padId, IntConsumer progress) throws IOException {
        if (inputs.isEmpty() || inputs.size() != gold.length || gold.length != fp32Predicted.length) {
            throw new IllegalArgumentException("need the same positive number of inputs, labels and predictions");
        }
        Path fp32 = ModelOnnx.ensure(modelDirectory, model, message -> { });
        Path int8 = ModelOnnx.ensureInt8(modelDirectory, model);
        float[][] logits;
        try (OnnxForward forward = new OnnxForward(int8, BatchCollator.dynamic(padId),
                Runtime.getRuntime().availableProcessors())) {
            logits = new BatchPredictor(forward, 16).outputs(inputs, progress);
        }
        int int8Right = 0;
        int fp32Right = 0;
        int same = 0;
        for (int i = 0; i < gold.length; i++) {
            int predicted = BatchPredictor.argmax(logits[i]);
            int8Right += predicted == gold[i] ? 1 : 0;
            fp32Right += fp32Predicted[i] == gold[i] ? 1 : 0;
            same += predicted == fp32Predicted[i] ? 1 : 0;
        }
        Int8Report report = new Int8Report(gold.length, (double) fp32Right / gold.length,
                (double) int8Right / gold.length, (double) same / gold.length, Files.size(fp32), Files.size(int8));
        report.write(modelDirectory);
        return report;
    }

}
