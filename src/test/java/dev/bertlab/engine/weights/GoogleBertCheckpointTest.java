package dev.bertlab.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Against tiny-google-bert: one layer, hidden 4, written by TensorFlow with Google's variable names. */
class GoogleBertCheckpointTest {

    private final JsonNode reference = WeightFixtures.json("tiny-google-bert.json");

    @Test
    void readsModelJsonAndTheVocabularyPath() throws IOException {
        Path dir = WeightFixtures.resource("tiny-google-bert");
        GoogleBertCheckpoint checkpoint = GoogleBertCheckpoint.open(dir);
        assertThat(checkpoint.doLowerCase()).isFalse();
        assertThat(checkpoint.vocabFile()).isEqualTo(dir.resolve("assets/vocab.txt")).isRegularFile();
    }

    @Test
    void loadsEveryParameterUnderItsHuggingFaceName() throws IOException {
        Map<String, NamedTensor> weights = GoogleBertCheckpoint.open(WeightFixtures.resource("tiny-google-bert"))
                .loadWeights();
        List<String> expected = new ArrayList<>(BertParameterNames.encoder(1));
        expected.addAll(BertParameterNames.pooler());
        expected.addAll(BertParameterNames.maskedLmHead());
        // the optimizer slot, the next-sentence head and global_step are not among them
        assertThat(weights.keySet()).containsExactlyInAnyOrderElementsOf(expected);
        weights.forEach((name, tensor) -> assertThat(tensor.name()).isEqualTo(name));
    }

    @Test
    void transposesKernelsAndKeepsEverythingElse() throws IOException {
        Map<String, NamedTensor> weights = GoogleBertCheckpoint.open(WeightFixtures.resource("tiny-google-bert"))
                .loadWeights();
        NamedTensor kernel = tf("module/bert/encoder/layer_0/intermediate/dense/kernel");
        NamedTensor weight = weights.get("bert.encoder.layer.0.intermediate.dense.weight");
        assertThat(kernel.shape()).containsExactly(4, 8);
        assertThat(weight.shape()).containsExactly(8, 4);
        for (int in = 0; in < 4; in++) {
            for (int out = 0; out < 8; out++) {
                assertThat(weight.values()[out * 4 + in]).isEqualTo(kernel.values()[in * 8 + out]);
            }
        }
        assertThat(weights.get("bert.embeddings.word_embeddings.weight").values())
                .containsExactly(tf("module/bert/embeddings/word_embeddings").values());
        assertThat(weights.get("bert.encoder.layer.0.output.LayerNorm.weight").values())
                .containsExactly(tf("module/bert/encoder/layer_0/output/LayerNorm/gamma").values());
        assertThat(weights.get("cls.predictions.bias").values())
                .containsExactly(tf("module/cls/predictions/output_bias").values());
    }

    @Test
    void mapsGoogleNames() {
        assertThat(GoogleBertCheckpoint.huggingFaceName("module/bert/encoder/layer_11/attention/self/query/kernel"))
                .contains(new GoogleBertCheckpoint.HuggingFaceName(
                        "bert.encoder.layer.11.attention.self.query.weight", true));
        assertThat(GoogleBertCheckpoint.huggingFaceName("bert/embeddings/LayerNorm/beta"))
                .contains(new GoogleBertCheckpoint.HuggingFaceName("bert.embeddings.LayerNorm.bias", false));
        assertThat(GoogleBertCheckpoint.huggingFaceName("module/cls/predictions/transform/LayerNorm/gamma"))
                .contains(new GoogleBertCheckpoint.HuggingFaceName("cls.predictions.transform.LayerNorm.weight",
                        false));
        assertThat(GoogleBertCheckpoint.huggingFaceName("output_weights"))
                .contains(new GoogleBertCheckpoint.HuggingFaceName("classifier.weight", false));
        assertThat(GoogleBertCheckpoint.huggingFaceName("module/bert/pooler/dense/kernel/adam_v")).isEmpty();
        assertThat(GoogleBertCheckpoint.huggingFaceName("cls/seq_relationship/output_bias")).isEmpty();
        assertThat(GoogleBertCheckpoint.huggingFaceName("global_step")).isEmpty();
        assertThat(GoogleBertCheckpoint.huggingFaceName("module/bert/encoder/layer_0/attention/self/query/gamma"))
                .isEmpty();
    }

    @Test
    void aFolderWithoutModelJsonIsRefusedByName(@TempDir Path temp) throws IOException {
        WeightFixtures.copyTree(WeightFixtures.resource("tiny-google-bert"), temp.resolve("m"));
        Files.delete(temp.resolve("m/assets/model.json"));
        assertThatThrownBy(() -> GoogleBertCheckpoint.open(temp.resolve("m")))
                .isInstanceOf(WeightFormatException.class).hasMessageContaining("model.json");
        Files.writeString(temp.resolve("m/assets/model.json"), "{\"doLowerCase\": tru");
        assertThatThrownBy(() -> GoogleBertCheckpoint.open(temp.resolve("m")))
                .hasMessageContaining("model.json").hasMessageContaining("not valid JSON");
    }

    private NamedTensor tf(String name) {
        return WeightFixtures.tensor(name, reference.get(name));
    }
}
