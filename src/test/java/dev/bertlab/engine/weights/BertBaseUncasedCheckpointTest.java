package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real bert-base-uncased from its Maven archive, against what TensorFlow reads from it
 * (bert-base-uncased-reference.json, made by make_reference.py). Skipped with -Dbertlab.fast=true.
 */
class BertBaseUncasedCheckpointTest {

    private static final String VALUE_KERNEL = "module/bert/encoder/layer_3/attention/self/value/kernel";

    private static Path model;
    private static Map<String, NamedTensor> weights;
    private static final JsonNode reference = WeightFixtures.json("bert-base-uncased-reference.json");

    @BeforeAll
    static void load() throws IOException {
        model = WeightFixtures.bertBaseUncased();
        weights = GoogleBertCheckpoint.open(model).loadWeights();
    }

    @Test
    void isAnUncasedModelWithItsVocabulary() throws IOException {
        GoogleBertCheckpoint checkpoint = GoogleBertCheckpoint.open(model);
        assertThat(checkpoint.doLowerCase()).isTrue();
        assertThat(Files.readAllLines(checkpoint.vocabFile())).hasSize(30522).contains("[CLS]", "[MASK]");
    }

    @Test
    void holdsAll204ParametersWithTensorFlowsShapes() {
        assertThat(weights).hasSize(204);
        assertThat(reference.get("shapes").size()).isEqualTo(204);
        reference.get("shapes").fields().forEachRemaining(field -> {
            var target = GoogleBertCheckpoint.huggingFaceName(field.getKey()).orElseThrow();
            long[] shape = WeightFixtures.longs(field.getValue());
            long[] expected = target.transpose() ? new long[] {shape[1], shape[0]} : shape;
            assertThat(weights.get(target.name()).shape()).as(target.name()).containsExactly(expected);
        });
        assertThat(weights.get("bert.embeddings.word_embeddings.weight").shape()).containsExactly(30522, 768);
        assertThat(weights.get("bert.encoder.layer.0.attention.self.query.weight").shape()).containsExactly(768, 768);
        assertThat(weights.get("bert.encoder.layer.11.intermediate.dense.weight").shape()).containsExactly(3072, 768);
        assertThat(weights.get("bert.encoder.layer.11.output.dense.weight").shape()).containsExactly(768, 3072);
    }

    @Test
    void valuesMatchTensorFlowsAfterTransposition() {
        float[] word = weights.get("bert.embeddings.word_embeddings.weight").values();
        float[] row = new float[4];
        System.arraycopy(word, 2054 * 768, row, 0, 4);
        assertThat(row).containsExactly(WeightFixtures.floats(reference.get("word_embeddings_2054_first4")));
        double sum = 0;
        for (float v : word) {
            sum += v;
        }
        assertThat(sum).isCloseTo(reference.get("word_embeddings_sum").doubleValue(), within(1e-3));
        // TensorFlow kernel[in][out] is weight[out][in]
        assertThat(weights.get("bert.encoder.layer.0.attention.self.query.weight").values()[7 * 768 + 5])
                .isEqualTo((float) reference.get("layer0_query_kernel_in5_out7").doubleValue());
        float[] intermediate = weights.get("bert.encoder.layer.11.intermediate.dense.weight").values();
        assertThat(intermediate[3071 * 768 + 767])
                .isEqualTo((float) reference.get("layer11_intermediate_kernel_in767_out3071").doubleValue());
        assertThat(intermediate[768])
                .isEqualTo((float) reference.get("layer11_intermediate_kernel_in0_out1").doubleValue());
        float[] bias = new float[3];
        System.arraycopy(weights.get("cls.predictions.bias").values(), 0, bias, 0, 3);
        assertThat(bias).containsExactly(WeightFixtures.floats(reference.get("output_bias_first3")));
    }

    @Test
    void aFlippedByteInTheDataFileFailsNamingTheTensor(@TempDir Path temp) throws IOException {
        Path copy = temp.resolve("bert");
        WeightFixtures.copyTree(model, copy);
        long offset;
        try (TensorBundleReader reader = TensorBundleReader.open(copy.resolve("variables"))) {
            offset = reader.entry(VALUE_KERNEL).orElseThrow().offset();
        }
        TensorBundleReaderTest.flipByte(copy.resolve("variables/variables.data-00000-of-00001"), offset + 1000);
        assertThatThrownBy(() -> GoogleBertCheckpoint.open(copy).loadWeights())
                .isInstanceOfSatisfying(TensorChecksumException.class,
                        e -> assertThat(e.tensorName()).isEqualTo(VALUE_KERNEL))
                .hasMessageContaining(VALUE_KERNEL);
    }
}
