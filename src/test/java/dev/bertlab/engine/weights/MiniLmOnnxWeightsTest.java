package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real all-MiniLM-L6-v2 ONNX file from its Maven archive, against what the onnx Python package reads from it
 * (minilm-reference.json, made by make_reference.py). Skipped with -Dbertlab.fast=true.
 */
class MiniLmOnnxWeightsTest {

    private static final String QUERY_0 = "/encoder/layer.0/attention/self/query/MatMul";

    private static Path onnx;
    private static MiniLmOnnxWeights weights;
    private static final JsonNode reference = WeightFixtures.json("minilm-reference.json");

    @BeforeAll
    static void load() throws IOException {
        onnx = WeightFixtures.miniLmOnnx();
        weights = MiniLmOnnxWeights.read(onnx);
    }

    @Test
    void mapsAll101InitializersToTheEncoderOfSixLayers() {
        assertThat(reference.get("float_initializers").size()).isEqualTo(101);
        assertThat(weights.unmapped()).isEmpty();
        assertThat(weights.weights()).hasSize(101);
        assertThat(weights.layerCount()).isEqualTo(6);
        assertThat(weights.weights().keySet()).containsExactlyInAnyOrderElementsOf(BertParameterNames.encoder(6));
    }

    @Test
    void shapesAreThoseOfTheInitializersWithMatMulWeightsTransposed() {
        JsonNode consumers = reference.get("matmul_consumer");
        reference.get("float_initializers").fields().forEachRemaining(field -> {
            long[] shape = WeightFixtures.longs(field.getValue());
            String target;
            if (consumers.has(field.getKey())) {
                target = MiniLmOnnxWeights.nameOfMatMulWeight(consumers.get(field.getKey()).textValue());
                shape = new long[] {shape[1], shape[0]};
            } else {
                target = "bert." + field.getKey();
            }
            assertThat(weights.weights().get(target).shape()).as(target).containsExactly(shape);
        });
        assertThat(weights.weights().get("bert.encoder.layer.0.intermediate.dense.weight").shape())
                .containsExactly(1536, 384);
        assertThat(weights.weights().get("bert.embeddings.word_embeddings.weight").shape())
                .containsExactly(30522, 384);
    }

    @Test
    void aTransposedWeightHoldsTheRawInitializersElements() throws IOException {
        OnnxInitializerReader.Graph graph = OnnxInitializerReader.read(onnx);
        String rawName = graph.nodes().stream().filter(n -> n.name().equals(QUERY_0)).findFirst().orElseThrow()
                .inputs().get(1);
        NamedTensor raw = graph.initializers().get(rawName);
        NamedTensor query = weights.weights().get("bert.encoder.layer.0.attention.self.query.weight");
        // raw is [in, out], query [out, in]
        assertThat(query.values()[7 * 384 + 5]).isEqualTo(raw.values()[5 * 384 + 7])
                .isEqualTo((float) reference.get("layer0_query_matmul_in5_out7").doubleValue());
        assertThat(weights.weights().get("bert.encoder.layer.5.output.dense.weight").values()[2 * 1536 + 1535])
                .isEqualTo((float) reference.get("layer5_output_matmul_in1535_out2").doubleValue());
        float[] row = new float[4];
        System.arraycopy(weights.weights().get("bert.embeddings.word_embeddings.weight").values(), 101 * 384, row, 0,
                4);
        assertThat(row).containsExactly(WeightFixtures.floats(reference.get("word_embeddings_101_first4")));
    }

    @Test
    void readerListsTheNonFloatInitializerWithoutReadingIt() throws IOException {
        OnnxInitializerReader.Graph graph = OnnxInitializerReader.read(onnx);
        assertThat(graph.initializers()).hasSize(101);
        // ONNX data type 7 is INT64
        assertThat(graph.otherInitializers()).containsExactly(java.util.Map.entry("embeddings.position_ids", 7));
        List<String> consumers = new ArrayList<>();
        reference.get("matmul_consumer").fields().forEachRemaining(f -> consumers.add(f.getValue().textValue()));
        assertThat(graph.nodes().stream().filter(n -> n.opType().equals("MatMul")).map(OnnxInitializerReader.Node::name))
                .containsAll(consumers);
    }
}
