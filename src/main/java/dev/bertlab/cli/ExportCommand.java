package dev.bertlab.cli;

import ai.djl.Device;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.onnx.BertOnnxExporter;
import dev.bertlab.engine.onnx.ModelOnnx;
import dev.bertlab.engine.predict.BatchPredictor;
import dev.bertlab.engine.predict.OnnxForward;
import dev.bertlab.engine.predict.OutputComparison;
import dev.bertlab.engine.pretrained.PretrainedBert;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.tokenize.TextEncoder;
import dev.bertlab.engine.tokenize.Truncation;
import dev.bertlab.engine.train.BatchCollator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a fine-tuned model as an ONNX graph and check that ONNX Runtime gives the engine's logits.")
final class ExportCommand implements Callable<Integer> {

    private static final List<String> CHECK_TEXTS = List.of("A warm, funny film; I would watch it again.",
            "The battery died within a week and support never answered.");

    @Mixin
    DataOptions data;

    @Option(names = "--model", required = true, paramLabel = "DIR", description = "fine-tuned model directory")
    String model;

    @Option(names = "--output", paramLabel = "FILE", description = "where the graph goes (default: DIR/model.onnx)")
    Path output;

    @Option(names = "--operators", defaultValue = "onnx-runtime",
            description = "onnx-runtime (fused contrib operators, fastest in ONNX Runtime) or standard (opset 17 only)")
    String operators;

    @Override
    public Integer call() throws Exception {
        BertOnnxExporter.Operators which = switch (operators.toLowerCase(Locale.ROOT)) {
            case "onnx-runtime", "onnxruntime", "ort" -> BertOnnxExporter.Operators.ONNX_RUNTIME;
            case "standard" -> BertOnnxExporter.Operators.STANDARD;
            default -> throw new IllegalArgumentException("--operators must be onnx-runtime or standard, got '"
                    + operators + "'");
        };
        PretrainedBert fineTuned = data.models().load(model, System.out::println);
        if (!fineTuned.isFineTuned()) {
            throw new IllegalArgumentException(model + " has no classifier head: fine-tune it first");
        }
        Path target = output != null ? output : ModelOnnx.of(Path.of(model));
        long start = System.nanoTime();
        ModelOnnx.write(target, fineTuned, which);
        System.out.printf(Locale.ROOT, "wrote %s (%s operators, %.1f MB) in %.1f s%n", target,
                which.name().toLowerCase(Locale.ROOT), Files.size(target) / 1e6, (System.nanoTime() - start) / 1e9);
        System.out.printf(Locale.ROOT, "checked: ONNX Runtime's logits differ from the engine's by at most %.2e%n",
                largestDifference(fineTuned, target));
        return 0;
    }

    private static double largestDifference(PretrainedBert fineTuned, Path onnx) throws Exception {
        int outputs = (int) fineTuned.weights().get("classifier.weight").shape()[0];
        TaskHead head = outputs == 1 ? TaskHead.regression() : TaskHead.classification(outputs);
        try (TextEncoder encoder = TextEncoder.open(fineTuned.tokenizerJson(), 128, Truncation.HEAD);
                LoadedBert engine = LoadedBert.create(fineTuned.config(), head, DropoutRates.NONE, Device.cpu(),
                        fineTuned.weights(), 0);
                OnnxForward runtime = new OnnxForward(onnx, BatchCollator.dynamic(encoder.vocabulary().padId()), 1)) {
            List<EncodedText> inputs = CHECK_TEXTS.stream().map(text -> encoder.encode(text, null)).toList();
            BatchCollator collator = BatchCollator.dynamic(encoder.vocabulary().padId());
            float[][] expected = new BatchPredictor(engine, collator, 2).outputs(inputs, done -> { });
            float[][] actual = new BatchPredictor(runtime, 2).outputs(inputs, done -> { });
            return OutputComparison.largestDifference(expected, actual);
        }
    }
}
