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
    @EnumSource(value = BertOnnxExporter.Operators.class, names = {"STANDARD", "ONNX_RUNTIME"})
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
    void theInt8GraphStoresLinearWeightsInInt8AndStaysCloseToTheFloatLogits() throws Exception {
        try (LoadedBert model = LoadedBert.create(TINY, TaskHead.classification(3), DropoutRates.NONE, Device.cpu(),
                Map.of(), 11)) {
            Map<String, NamedTensor> weights = BertWeights.snapshot(model.network());
            Path fp32 = directory.resolve("model.onnx");
            Path int8 = directory.resolve("model.int8.onnx");
            BertOnnxExporter.write(fp32, TINY, weights, BertOnnxExporter.Operators.ONNX_RUNTIME, Map.of());
            BertOnnxExporter.write(int8, TINY, weights, BertOnnxExporter.Operators.ONNX_RUNTIME_INT8, Map.of());

            BatchCollator collator = BatchCollator.dynamic(0);
            float[][] engine = new BatchPredictor(model, collator, 4).outputs(TEXTS, done -> { });
            float[][] quantized;
            try (OnnxForward forward = new OnnxForward(int8, collator, 1)) {
                quantized = new BatchPredictor(forward, 4).outputs(TEXTS, done -> { });
            }
            double difference = OutputComparison.largestDifference(engine, quantized);
            assertThat(difference).as("int8 is an approximation").isGreaterThan(0).isLessThan(0.05);
            OnnxInitializerReader.Graph graph = OnnxInitializerReader.read(int8);
            assertThat(graph.nodes().stream().filter(node -> node.opType().equals("DynamicQuantizeMatMul")))
                    .as("the attention output and the two feed-forward layers").hasSize(3 * TINY.numLayers());
            assertThat(graph.nodes().stream().filter(node -> node.opType().equals("QAttention")))
                    .as("Q, K and V in int8 inside ONNX Runtime's fused attention").hasSize(TINY.numLayers());
            assertThat(graph.otherInitializers()).containsEntry("bert.encoder.layer.0.attention.self.qkv.weight_int8",
                    3);
            assertThat(graph.otherInitializers()).containsEntry("bert.encoder.layer.0.intermediate.dense.weight_int8",
                    3);
            assertThat(Files.size(int8)).isLessThan(Files.size(fp32));
        }
    }

    @Test
    void int8ColumnsAreWithinHalfAStepOfTheirColumn() {
        float[] matrix = {0.5f, -0.001f, 0f, -1.27f, 0.0004f, 0f};
        Int8Columns quantized = Int8Columns.quantize(matrix, 2, 3);
        assertThat(quantized.scales()[0]).isCloseTo(0.01f, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(quantized.scales()[1]).isCloseTo(0.001f / 127, org.assertj.core.data.Offset.offset(1e-10f));
        assertThat(quantized.scales()[2]).as("an all-zero column").isEqualTo(1f);
        assertThat(quantized.values()).containsExactly(50, -127, 0, -127, 51, 0);
        assertThat(quantized.largestError(matrix, 2, 3)).isLessThanOrEqualTo(0.005 + 1e-6);
    }

    @Test
    void int8RowsKeepOneScalePerRow() {
        float[] table = {0.5f, -2f, 0.02f, 0.005f};
        Int8Columns quantized = Int8Columns.quantizeRows(table, 2, 2);
        assertThat(quantized.values()).containsExactly(32, -127, 127, 32);
        assertThat(quantized.scales()[0]).isCloseTo(2f / 127, org.assertj.core.data.Offset.offset(1e-7f));
        assertThat(quantized.scales()[1]).isCloseTo(0.02f / 127, org.assertj.core.data.Offset.offset(1e-9f));
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
