package dev.bertlab.engine.predict;

import ai.djl.Device;
import dev.bertlab.engine.data.Example;
import dev.bertlab.engine.eval.MetricsJson;
import dev.bertlab.engine.eval.Prediction;
import dev.bertlab.engine.eval.PredictionSet;
import dev.bertlab.engine.eval.PredictionsCsv;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.TokenStats;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.BatchCollator;
import dev.bertlab.engine.train.EncodedSplit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Evaluates a fine-tuned classifier on labelled examples it was not trained on, possibly of another dataset
 * (an IMDb model on Amazon sentences): labels are matched by name, so both must use the same names.
 */
public final class DatasetEvaluation {

    private DatasetEvaluation() {
    }

    public static SplitEvaluation run(PretrainedBert fineTuned, List<Example> examples, List<String> datasetLabels,
            Device device, int maxLength, int batchSize, Path outputDirectory, String splitName,
            IntConsumer progress) throws IOException {
        if (!fineTuned.isFineTuned() || fineTuned.regression()) {
            throw new IllegalArgumentException(fineTuned.name() + " is not a fine-tuned classifier");
        }
        int[] toModel = new int[datasetLabels.size()];
        for (int i = 0; i < datasetLabels.size(); i++) {
            toModel[i] = fineTuned.labels().indexOf(datasetLabels.get(i));
            if (toModel[i] < 0) {
                throw new IllegalArgumentException("the dataset's label '" + datasetLabels.get(i) + "' is not one of "
                        + "the model's labels " + fineTuned.labels());
            }
        }
        int length = maxLength > 0 ? maxLength : fineTuned.trainedMaxLength();
        try (TextEncoder encoder = TextEncoder.open(fineTuned.tokenizerJson(), length, Truncation.HEAD);
                LoadedBert model = LoadedBert.create(fineTuned.config(),
                        TaskHead.classification(fineTuned.labels().size()), DropoutRates.NONE, device,
                        fineTuned.weights(), 0)) {
            List<String> texts = examples.stream().map(Example::text).toList();
            boolean pairs = examples.stream().anyMatch(e -> e.textPair() != null);
            List<EncodedText> inputs = encoder.encodeAll(texts, pairs ? examples.stream()
                    .map(e -> e.textPair() == null ? "" : e.textPair()).toList() : null, done -> { });
            int[] gold = examples.stream().mapToInt(e -> toModel[e.label()]).toArray();
            EncodedSplit split = new EncodedSplit(splitName, examples.stream().map(Example::id).toList(), inputs, gold,
                    null, TokenStats.of(inputs));
            SplitEvaluator evaluator = new SplitEvaluator(new BatchPredictor(model,
                    BatchCollator.dynamic(encoder.vocabulary().padId()), batchSize), fineTuned.labels(), new float[0]);
            SplitEvaluation evaluation = evaluator.evaluate(split, progress);
            Files.createDirectories(outputDirectory);
            List<Prediction> rows = new ArrayList<>(split.size());
            for (int i = 0; i < split.size(); i++) {
                rows.add(Prediction.of(split.ids().get(i), gold[i], evaluation.probabilities()[i]));
            }
            PredictionsCsv.write(new PredictionSet(fineTuned.labels(), rows),
                    outputDirectory.resolve("predictions_" + splitName + ".csv"));
            MetricsJson.write(evaluation.classification(), outputDirectory.resolve("metrics_" + splitName + ".json"));
            return evaluation;
        }
    }
}
