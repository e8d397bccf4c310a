package dev.bertlab.engine.bench;

import ai.djl.Device;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.onnx.BertOnnxExporter;
import dev.bertlab.engine.predict.BatchForward;
import dev.bertlab.engine.predict.OnnxForward;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.train.BatchCollator;
import dev.bertlab.engine.weights.NamedTensor;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

/**
 * Batch-1 latency of the serving path: the classifier exported by the project and run by ONNX Runtime, in both
 * operator sets, and ONNX Runtime on a reference graph (the encoder exported by Hugging Face's tools) for the
 * "at most 1.1x ONNX Runtime's own time" comparison.
 */
final class ServingLatency {

    private ServingLatency() {
    }

    /** Median milliseconds of the exported classifier (a seeded random head on the pretrained encoder). */
    static double exportedMillis(PretrainedBert pretrained, BertOnnxExporter.Operators operators, int length,
            int warmup, int repeats) throws IOException {
        return withExported(pretrained, operators, onnx -> {
            try (OnnxForward forward = new OnnxForward(onnx, BatchCollator.dynamic(0),
                    Runtime.getRuntime().availableProcessors())) {
                return median(forward, pretrained.config(), length, warmup, repeats);
            }
        });
    }

    /** The exported classifier's time per operator type, from ONNX Runtime's profiler (warm-up left out). */
    static OnnxOperatorProfile.Profile exportedProfile(PretrainedBert pretrained,
            BertOnnxExporter.Operators operators, int length, int warmup, int repeats) throws IOException {
        return withExported(pretrained, operators, onnx -> {
            Path written;
            try (OnnxForward forward = OnnxForward.profiled(onnx, BatchCollator.dynamic(0),
                    Runtime.getRuntime().availableProcessors(), onnx.resolveSibling("profile"))) {
                median(forward, pretrained.config(), length, warmup, repeats);
                written = forward.endProfiling();
            }
            try {
                return OnnxOperatorProfile.read(written, warmup);
            } finally {
                Files.deleteIfExists(written);
            }
        });
    }

    private interface GraphUse<T> {
        T apply(Path onnx) throws IOException;
    }

    private static <T> T withExported(PretrainedBert pretrained, BertOnnxExporter.Operators operators,
            GraphUse<T> use) throws IOException {
        Path directory = Files.createTempDirectory("bertlab-bench-onnx");
        Path onnx = directory.resolve("model.onnx");
        try {
            Map<String, NamedTensor> weights;
            try (LoadedBert model = LoadedBert.create(pretrained.config(), TaskHead.classification(2),
                    DropoutRates.NONE, Device.cpu(), pretrained.weights(), 1)) {
                weights = BertWeights.snapshot(model.network());
            }
            BertOnnxExporter.write(onnx, pretrained.config(), weights, operators, Map.of());
            weights = null;
            return use.apply(onnx);
        } finally {
            Files.deleteIfExists(onnx);
            Files.deleteIfExists(directory);
        }
    }

    /** Median milliseconds of ONNX Runtime on a reference encoder graph with the same three inputs. */
    static double referenceMillis(Path onnx, BertConfig config, int length, int warmup, int repeats) {
        try (OnnxForward forward = new OnnxForward(onnx, BatchCollator.dynamic(0),
                Runtime.getRuntime().availableProcessors())) {
            return median(forward, config, length, warmup, repeats);
        }
    }

    private static double median(BatchForward forward, BertConfig config, int length, int warmup, int repeats) {
        Random random = new Random(9);
        double[] millis = new double[repeats];
        for (int i = 0; i < warmup + repeats; i++) {
            var texts = TrainingThroughput.randomTexts(random, 1, length, config);
            long start = System.nanoTime();
            forward.forward(texts);
            if (i >= warmup) {
                millis[i - warmup] = (System.nanoTime() - start) / 1e6;
            }
        }
        return TrainingThroughput.median(millis);
    }

}
