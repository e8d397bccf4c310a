package dev.bertlab.engine.onnx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.bertlab.engine.model.BertConfig;
import dev.bertlab.engine.model.BertWeights;
import dev.bertlab.engine.model.DropoutRates;
import dev.bertlab.engine.model.LoadedBert;
import dev.bertlab.engine.model.TaskHead;
import dev.bertlab.engine.predict.BatchPredictor;
import dev.bertlab.engine.predict.OnnxForward;
import dev.bertlab.engine.predict.OutputComparison;
import dev.bertlab.engine.tokenize.EncodedText;
import dev.bertlab.engine.train.BatchCollator;
import dev.bertlab.engine.weights.NamedTensor;
import dev.bertlab.engine.weights.OnnxInitializerReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BertOnnxExporterTest {

    private static final BertConfig TINY = BertConfig.tiny(120);
    private static final List<EncodedText> TEXTS = List.of(
            text(2, 17, 45, 9, 88, 3), text(2, 5, 3), text(2, 101, 7, 7, 7, 7, 64, 12, 3),
            new EncodedText(new int[] {2, 30, 31, 3, 40, 41, 3}, new int[] {0, 0, 0, 0, 1, 1, 1}, 7, 0));

    @TempDir
    Path directory;

    @ParameterizedTest
    @EnumSource(BertOnnxExporter.Operators.class)
    void onnxRuntimeGivesTheEnginesLogitsOnPaddedBatches(BertOnnxExporter.Operators operators) throws Exception {
        try (LoadedBert model = LoadedBert.create(TINY, TaskHead.classification(3), DropoutRates.NONE, Device.cpu(),
                Map.of(), 11)) {
            Map<String, NamedTensor> weights = BertWeights.snapshot(model.network());
            Path onnx = directory.resolve("model.onnx");
            BertOnnxExporter.write(onnx, TINY, weights, operators, Map.of("labels", "[\"a\",\"b\",\"c\"]"));

            BatchCollator collator = BatchCollator.dynamic(0);
            float[][] engine = new BatchPredictor(model, collator, 4).outputs(TEXTS, done -> { });
            float[][] runtime;
            try (OnnxForward forward = new OnnxForward(onnx, collator, 1)) {
                runtime = new BatchPredictor(forward, 4).outputs(TEXTS, done -> { });
            }
            assertThat(OutputComparison.largestDifference(engine, runtime)).isLessThan(1e-4);
            assertThat(engine[0][0]).isNotEqualTo(engine[1][0]);
            boolean fused = OnnxInitializerReader.read(onnx).nodes().stream()
                    .anyMatch(node -> node.opType().equals("Attention"));
            assertThat(fused).isEqualTo(operators == BertOnnxExporter.Operators.ONNX_RUNTIME);
        }
    }

    @Test
    void theFileIsAnOnnxGraphWithTheWeightsUnderTheirNames() throws Exception {
        try (LoadedBert model = LoadedBert.create(TINY, TaskHead.classification(2), DropoutRates.NONE, Device.cpu(),
                Map.of(), 3)) {
            Map<String, NamedTensor> weights = BertWeights.snapshot(model.network());
            Path onnx = directory.resolve("model.onnx");
            BertOnnxExporter.write(onnx, TINY, weights, BertOnnxExporter.Operators.STANDARD, Map.of());

            OnnxInitializerReader.Graph graph = OnnxInitializerReader.read(onnx);
            assertThat(graph.initializers().get("bert.embeddings.word_embeddings.weight").values())
                    .containsExactly(weights.get("bert.embeddings.word_embeddings.weight").values());
            assertThat(graph.nodes()).extracting(OnnxInitializerReader.Node::opType)
                    .contains("LayerNormalization", "Softmax", "Erf", "Tanh").doesNotContain("Attention");
            assertThat(Files.list(directory)).containsExactly(onnx);
        }
    }

    @Test
    void aModelWithoutAClassifierHeadIsRefused() {
        assertThatThrownBy(() -> BertOnnxExporter.write(directory.resolve("model.onnx"), TINY, Map.of(),
                BertOnnxExporter.Operators.STANDARD, Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("classifier head");
    }


    private static EncodedText text(int... ids) {
        return new EncodedText(ids, new int[ids.length], ids.length, 0);
    }
}
