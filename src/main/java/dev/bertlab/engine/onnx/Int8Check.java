package dev.bertlab.engine.onnx;

import dev.bertlab.engine.predict.BatchPredictor;
import dev.bertlab.engine.predict.OnnxForward;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.train.BatchCollator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Writes a model's int8 graph and measures it on labelled examples against the float model's own predictions of
 * them, so that the accuracy it costs is known before anyone serves it.
 */
public final class Int8Check {

    private Int8Check() {
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
